package org.ratatosk.keys.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.ratatosk.approvals.control.ApproverKeys;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.approvals.control.KeyRequests;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.keys.entity.KeyAttributes;
import org.ratatosk.keys.entity.ManagedKey;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.Cursor;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.NotFound;
import org.ratatosk.platform.Page;
import org.ratatosk.platform.Refused;
import org.ratatosk.tokens.control.CryptoToken;
import org.ratatosk.tokens.control.KeySpec;
import org.ratatosk.tokens.control.Tokens;

/** Creating, reading and removing keys, and the certificates they are known by. */
@Stateless
public class Keys {

    private static final Logger LOG = Logger.getLogger(Keys.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Tokens tokens;

    @Inject
    KeyRequests requests;

    public ManagedKey require(String label) {
        ManagedKey key = label == null ? null : em.find(ManagedKey.class, ManagedKey.idOf(label));
        if (key == null) {
            throw new NotFound(ErrorCode.KEY_NOT_FOUND, "No key labelled '" + label + "'");
        }
        return key;
    }

    public ManagedKey lock(String label) {
        ManagedKey key = require(label);
        em.lock(key, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(key);
        return key;
    }

    public JsonObject create(JsonObject body) {
        KeyCreation creation = Bodies.bind(body, KeyCreation.class);
        String label = creation.label();
        KeySpec spec = creation.spec();
        KeyAttributes attributes = creation.keyAttributes();
        KeyPolicy policy = KeyPolicy.parse(creation.policy());
        boolean blocked = KeyPolicy.initiallyBlocked(creation.policy());
        if (em.find(ManagedKey.class, ManagedKey.idOf(label)) != null) {
            throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists");
        }
        if (body.get("password") instanceof jakarta.json.JsonArray password && !password.isEmpty()) {
            throw new InvalidInput(ErrorCode.KEY_PASSWORD_UNSUPPORTED, "Keys protected by a password are not supported");
        }
        CryptoToken token = tokens.token();
        String alias = ManagedKey.idOf(label);
        String publicKey = "";
        if (spec.secret()) {
            token.generateSecret(alias, spec.keySize(), attributes.extractable());
        } else {
            publicKey = Base64.getEncoder().encodeToString(token.generate(alias, spec, attributes.extractable()).getEncoded());
        }
        ManagedKey key = new ManagedKey(label, spec.algorithm(), spec.keySize(), spec.curveOid(), token.kind(), attributes,
                policy.toJson().toString(), blocked, publicKey, clock.instant());
        try {
            em.persist(key);
            em.flush();
        } catch (RuntimeException e) {
            token.delete(alias);
            throw e;
        }
        LOG.info("Key '" + label + "' created: " + spec.algorithm() + " " + spec.keySize() + " in the " + token.kind() + " token");
        audit.record("operator", "key", label, "CREATED", Jsons.createObjectBuilder().add("algorithm", spec.algorithm()).add("token", token.kind()).build());
        return KeyJson.render(key);
    }

    public static KeySpec spec(ManagedKey key) {
        return switch (key.algorithm()) {
            case "EC" -> KeySpec.ec(key.curveOid(), key.keySize());
            case "AES" -> KeySpec.aes(key.keySize());
            default -> KeySpec.rsa(key.keySize());
        };
    }

    /** What a key is used for, each allowed by one of its attributes. */
    public enum Usage {
        SIGN, DECRYPT
    }

    /** Refuses use of a key that is blocked, may not sign, or whose material is not in this server's token. */
    public void requireUsable(ManagedKey key) {
        requireUsable(key, Usage.SIGN);
    }

    /** Refuses use of a key that is blocked, lacks the usage's attribute, or whose material is not in this server's token. */
    public void requireUsable(ManagedKey key, Usage usage) {
        if (key.blocked()) {
            throw new Conflict(ErrorCode.KEY_BLOCKED, "Key '" + key.label() + "' is blocked");
        }
        boolean allowed = usage == Usage.SIGN ? key.attributes().sign() : key.attributes().decrypt();
        if (!allowed) {
            throw new Refused(ErrorCode.KEY_USAGE_NOT_ALLOWED, "Key '" + key.label() + "' is not allowed to "
                    + usage.name().toLowerCase(Locale.ROOT));
        }
        if (!key.tokenKind().equals(tokens.token().kind())) {
            throw new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "Key '" + key.label() + "' lives in a " + key.tokenKind()
                    + " token, this server uses a " + tokens.token().kind() + " token");
        }
    }

    public PublicKey publicKey(ManagedKey key) {
        try {
            return ApproverKeys.decode(Base64.getDecoder().decode(key.publicKey()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Stored public key of '" + key.label() + "' is unreadable", e);
        }
    }

    public JsonObject get(String label) {
        return KeyJson.render(require(label));
    }

    /** The labels of all keys, as TSB lists them. */
    /** Labels in the order of their ids, {@code limit} after the cursor's key. */
    public Page list(String after, int limit) {
        List<String> cursor = Cursor.decode(after, 1);
        var query = em.createQuery("SELECT k FROM ManagedKey k" + (cursor == null ? "" : " WHERE k.labelId > :after")
                + " ORDER BY k.labelId", ManagedKey.class).setMaxResults(limit + 1);
        if (cursor != null) {
            query.setParameter("after", cursor.get(0));
        }
        List<ManagedKey> found = query.getResultList();
        JsonArrayBuilder labels = Jsons.createArrayBuilder();
        found.stream().limit(limit).forEach(k -> labels.add(k.label()));
        return new Page(labels.build(), found.size() > limit ? Cursor.encode(found.get(limit - 1).labelId()) : null);
    }

    /** TSB's answer to an attributes request: the key as JSON and, where TSB attests, an XML form. */
    public JsonObject attributes(String label) {
        return KeyJson.tsbAttributes(require(label));
    }

    public void delete(String label) {
        ManagedKey key = lock(label);
        if (!key.attributes().destroyable()) {
            throw new Refused(ErrorCode.KEY_NOT_DESTROYABLE, "Key '" + key.label() + "' is not destroyable");
        }
        requests.cancelAllOf(key.labelId());
        em.remove(key);
        em.flush();
        tokens.token().delete(key.labelId());
        LOG.info("Key '" + key.label() + "' deleted");
        audit.record("operator", "key", key.label(), "DELETED", null);
    }

    /** TSB's certificate of a key: its label and the PEM of its own certificate. */
    public JsonObject certificate(String label) {
        ManagedKey key = require(label);
        if (key.certificateChain() == null) {
            throw new NotFound(ErrorCode.CERTIFICATE_NOT_FOUND, "Key '" + key.label() + "' has no certificate");
        }
        return Jsons.createObjectBuilder().add("label", key.label())
                .add("certificate", Pem.certificate(Pem.certificates(key.certificateChain(), "certificate").get(0))).build();
    }

    /**
     * TSB's plain certificate import ({@code label}, {@code certificate} as base64 DER or PEM):
     * the certificate, which must be for the key's public key, replaces the one the key has.
     */
    public JsonObject importCertificate(CertificateImport request) {
        replaceCertificate(request.label(), request.certificate());
        return certificate(request.label());
    }

    /** Removes the key's certificate; the key itself stays. */
    public JsonObject deleteCertificate(String label) {
        ManagedKey key = lock(label);
        if (key.certificateChain() == null) {
            throw new NotFound(ErrorCode.CERTIFICATE_NOT_FOUND, "Key '" + key.label() + "' has no certificate");
        }
        key.replaceCertificateChain(null, clock.instant());
        LOG.info("Key '" + key.label() + "': certificate deleted");
        audit.record("operator", "key", key.label(), "CERTIFICATE_DELETED", null);
        return Jsons.createObjectBuilder().add("label", key.label()).build();
    }

    /** Replaces the key's certificate chain, for example with its CSR signed by a parent CA. */
    public JsonObject replaceCertificate(String label, String pem) {
        ManagedKey key = lock(label);
        List<X509Certificate> chain = Pem.certificates(pem, "certificate");
        if (!Arrays.equals(chain.get(0).getPublicKey().getEncoded(), Base64.getDecoder().decode(key.publicKey()))) {
            throw new Refused(ErrorCode.CERTIFICATE_KEY_MISMATCH,
                    "The first certificate is not for the public key of '" + key.label() + "'");
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!Certificates.issuedBy(chain.get(i), chain.get(i + 1))) {
                throw new Refused(ErrorCode.CHAIN_BROKEN, "Certificate " + (i + 1) + " is not issued by certificate " + (i + 2));
            }
        }
        key.replaceCertificateChain(Pem.chain(chain), clock.instant());
        LOG.info("Key '" + key.label() + "' has a new certificate: " + chain.get(0).getSubjectX500Principal().getName());
        audit.record("operator", "key", key.label(), "CERTIFICATE_REPLACED", null);
        return KeyJson.render(key);
    }
}
