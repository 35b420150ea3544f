package org.ratatosk.keys.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Base64;
import java.util.logging.Logger;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.approvals.control.KeyRequests;
import org.ratatosk.approvals.control.Rule;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.keys.entity.KeyAttributes;
import org.ratatosk.keys.entity.ManagedKey;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Refused;
import org.ratatosk.tokens.control.CryptoToken;
import org.ratatosk.tokens.control.KeySpec;
import org.ratatosk.tokens.control.Tokens;
import org.ratatosk.tokens.control.WrapMethod;

/**
 * TSB's wrap and unwrap: AES keys with an AES key (RFC 3394, RFC 5649) or an RSA key pair (PKCS#1
 * v1.5, OAEP), and RSA and EC private keys with an AES key, all in the token. TSB's {@code wrap}
 * attribute is stored as {@code unwrap}.
 */
@Stateless
public class Wraps {

    private static final Logger LOG = Logger.getLogger(Wraps.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Keys keys;

    @Inject
    Tokens tokens;

    @Inject
    AuditTrail audit;

    @Inject
    KeyRequests requests;

    public JsonObject wrap(WrapBodies.Wrap body) {
        JsonObject request = body.wrapKeyRequest();
        refusePasswords(request, "wrapKeyPassword", "keyToBeWrappedPassword");
        WrapMethod method = Bodies.bind(request, WrapBodies.Method.class).method();
        ManagedKey wrapping = wrappingKey(Bodies.bind(request, WrapBodies.WrappingKey.class).wrapKeyName(), method, true);
        ManagedKey target = keys.require(Bodies.bind(request, WrapBodies.Target.class).keyToBeWrapped());
        if (!method.wrappedAlgorithm().equals(target.algorithm())) {
            throw new InvalidInput(ErrorCode.UNSUPPORTED_WRAP_METHOD, "Key '" + target.label() + "' is " + target.algorithm()
                    + "; " + method + " wraps " + method.wrappedAlgorithm() + " keys");
        }
        if (!target.attributes().extractable()) {
            throw new Refused(ErrorCode.KEY_NOT_EXTRACTABLE, "Key '" + target.label() + "' is not extractable");
        }
        if (target.blocked()) {
            throw new Conflict(ErrorCode.KEY_BLOCKED, "Key '" + target.label() + "' is blocked");
        }
        byte[] wrapped = tokens.token().wrapKey(wrapping.labelId(), target.labelId(), method);
        audit.record("operator", "key", target.label(), "WRAPPED", Jsons.createObjectBuilder()
                .add("wrapKeyName", wrapping.label()).add("wrapMethod", method.name()).build());
        return Jsons.createObjectBuilder().add("wrappedKey", Base64.getEncoder().encodeToString(wrapped))
                .addNull("keyVersion").build();
    }

    /** Unwraps into a new key with the request's attributes and policy and answers that key. */
    public JsonObject unwrap(WrapBodies.Unwrap body) {
        return KeyJson.render(unwrapNow(check(body.unwrapKeyRequest(), true)));
    }

    /**
     * TSB's asynchronous unwrap: with an unwrapping key whose use needs approvals the request waits
     * for them and its result is the new key's label; otherwise it runs at once.
     */
    public JsonObject submitUnwrap(WrapBodies.Unwrap body) {
        JsonObject request = body.unwrapKeyRequest();
        UnwrapRequest checked = check(request, false);
        Rule rule = KeyPolicy.fromStored(checked.unwrapping().policy()).use();
        if (rule.needsApproval()) {
            return Jsons.createObjectBuilder().add("unwrapRequestId",
                    requests.submit(checked.unwrapping(), KeyPolicy.Operation.UNWRAP, request, rule)).build();
        }
        // checked once: a rule without approvals refuses nothing that checking for the synchronous unwrap would
        ManagedKey key = unwrapNow(checked);
        return Jsons.createObjectBuilder().add("unwrapRequestId",
                requests.executedAtOnce(checked.unwrapping(), KeyPolicy.Operation.UNWRAP, request, key.label())).build();
    }

    /** Unwraps for an approved request, in a transaction of its own; the result is the new key's label. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public String unwrapApproved(JsonObject request) {
        return unwrapNow(check(request, false)).label();
    }

    private record UnwrapRequest(WrapMethod method, String label, byte[] wrapped, KeyAttributes attributes,
                                 JsonValue policy, ManagedKey unwrapping) {
    }

    /** The request's fields, checked before anything is unwrapped or any approval asked for. */
    private UnwrapRequest check(JsonObject request, boolean refuseApprovals) {
        refusePasswords(request, "unwrapKeyPassword");
        WrapBodies.UnwrapKey body = Bodies.bind(request, WrapBodies.UnwrapKey.class);
        ManagedKey unwrapping = wrappingKey(body.unwrapKeyName(), body.method(), refuseApprovals);
        if (em.find(ManagedKey.class, ManagedKey.idOf(body.label())) != null) {
            throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + body.label() + "' already exists");
        }
        return new UnwrapRequest(body.method(), body.label(), body.wrapped(), body.keyAttributes(), body.policy(), unwrapping);
    }

    private ManagedKey unwrapNow(UnwrapRequest checked) {
        WrapMethod method = checked.method();
        String label = checked.label();
        byte[] wrapped = checked.wrapped();
        KeyAttributes attributes = checked.attributes();
        KeyPolicy policy = KeyPolicy.parse(checked.policy());
        boolean blocked = KeyPolicy.initiallyBlocked(checked.policy());
        ManagedKey unwrapping = checked.unwrapping();
        CryptoToken token = tokens.token();
        String alias = ManagedKey.idOf(label);
        ManagedKey key;
        if (method.wrapsPrivateKey()) {
            java.security.PublicKey publicKey = token.unwrapPrivate(unwrapping.labelId(), wrapped, method, alias,
                    attributes.extractable());
            KeySpec spec = publicKey instanceof java.security.interfaces.RSAPublicKey rsa
                    ? KeySpec.rsa(rsa.getModulus().bitLength())
                    : KeySpec.ec(curveOid(publicKey), null);
            key = new ManagedKey(label, spec.algorithm(), spec.keySize(), spec.curveOid(), token.kind(), attributes,
                    policy.toJson().toString(), blocked, Base64.getEncoder().encodeToString(publicKey.getEncoded()), clock.instant());
        } else {
            int bits = token.unwrapSecret(unwrapping.labelId(), wrapped, method, alias, attributes.extractable());
            if (bits != 128 && bits != 192 && bits != 256) {
                token.delete(alias);
                throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The wrapped key is " + bits + " bits long, not an AES key");
            }
            key = new ManagedKey(label, "AES", bits, null, token.kind(), attributes, policy.toJson().toString(),
                    blocked, "", clock.instant());
        }
        try {
            em.persist(key);
            em.flush();
        } catch (RuntimeException e) {
            token.delete(alias);
            throw e;
        }
        LOG.info("Key '" + label + "' unwrapped with key '" + unwrapping.label() + "' by " + method);
        audit.record("operator", "key", label, "UNWRAPPED", Jsons.createObjectBuilder().add("algorithm", key.algorithm())
                .add("unwrapKeyName", unwrapping.label()).add("wrapMethod", method.name()).build());
        return key;
    }

    private static String curveOid(java.security.PublicKey publicKey) {
        return org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(publicKey.getEncoded())
                .getAlgorithm().getParameters().toString();
    }

    /** The key that wraps or unwraps: of the method's algorithm, allowed to (un)wrap, usable without approval. */
    private ManagedKey wrappingKey(String label, WrapMethod method, boolean refuseApprovals) {
        ManagedKey key = keys.require(label);
        if (!method.wrappingAlgorithm().equals(key.algorithm())) {
            throw new InvalidInput(ErrorCode.UNSUPPORTED_WRAP_METHOD, "Key '" + key.label() + "' is " + key.algorithm()
                    + "; " + method + " needs an " + method.wrappingAlgorithm() + " key");
        }
        if (key.blocked()) {
            throw new Conflict(ErrorCode.KEY_BLOCKED, "Key '" + key.label() + "' is blocked");
        }
        if (!key.attributes().unwrap()) {
            throw new Refused(ErrorCode.KEY_USAGE_NOT_ALLOWED, "Key '" + key.label() + "' is not allowed to wrap or unwrap");
        }
        if (refuseApprovals && KeyPolicy.fromStored(key.policy()).use().needsApproval()) {
            throw new Refused(ErrorCode.APPROVAL_REQUIRED, "Key '" + key.label() + "' is governed by approvals");
        }
        if (!key.tokenKind().equals(tokens.token().kind())) {
            throw new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "Key '" + key.label() + "' lives in a " + key.tokenKind()
                    + " token, this server uses a " + tokens.token().kind() + " token");
        }
        return key;
    }

    private static void refusePasswords(JsonObject request, String... fields) {
        for (String field : fields) {
            if (request.get(field) instanceof JsonArray password && !password.isEmpty()) {
                throw new InvalidInput(ErrorCode.KEY_PASSWORD_UNSUPPORTED, "Keys protected by a password are not supported");
            }
        }
    }
}
