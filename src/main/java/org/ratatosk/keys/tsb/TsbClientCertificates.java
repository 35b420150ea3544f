package org.ratatosk.keys.tsb;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotEmpty;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.keys.entity.TsbClientCertificate;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Hashes;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.NotFound;
import org.ratatosk.platform.Role;

/**
 * The operator's TSB client certificates: a TLS client certificate, given as PEM or base64 DER,
 * with the roles a client presenting it may act in. The TLS layer checks the chain; this finds the
 * roles of the certificate it verified.
 */
@Stateless
public class TsbClientCertificates {

    private static final Logger LOG = Logger.getLogger(TsbClientCertificates.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** The certificate a mapping is for, as PEM or base64 DER; its roles are read before it. */
    public record Mapped(@NotEmpty(message = "'certificate' is required") String certificate) {
    }

    /** Creates or replaces the mapping {@code name}; body {"roles":[...],"certificate":"<PEM>"}. */
    public JsonObject put(String name, JsonObject body) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}")) {
            throw new InvalidInput(ErrorCode.INVALID_NAME,
                    "The name must be 1 to 128 letters, digits or . _ @ : - and start with a letter or digit");
        }
        Set<Role> roles = TsbApiKeys.roles(body);
        X509Certificate certificate = parse(Bodies.bind(body, Mapped.class).certificate());
        String sha256 = fingerprint(certificate);
        TsbClientCertificate sameCertificate = bySha256(sha256).orElse(null);
        if (sameCertificate != null && !sameCertificate.name().equals(name)) {
            throw new Conflict(ErrorCode.CERTIFICATE_EXISTS, "This certificate is already mapped as '" + sameCertificate.name() + "'");
        }
        TsbClientCertificate existing = em.find(TsbClientCertificate.class, name);
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        String subject = certificate.getSubjectX500Principal().getName();
        TsbClientCertificate mapping = new TsbClientCertificate(name, sha256, subject.length() > 1024 ? subject.substring(0, 1024) : subject,
                roles, clock.instant());
        em.persist(mapping);
        LOG.info("TSB client certificate '" + name + "' (" + subject + ") " + (existing == null ? "created" : "replaced")
                + " with roles " + roles);
        audit.record("operator", "tsb-client-certificate", name, existing == null ? "CREATED" : "REPLACED",
                Jsons.createObjectBuilder().add("roles", TsbApiKeys.rolesJson(roles)).add("sha256", sha256).build());
        return render(mapping);
    }

    public JsonObject get(String name) {
        return render(require(name));
    }

    public JsonArray list() {
        JsonArrayBuilder all = Jsons.createArrayBuilder();
        em.createQuery("SELECT c FROM TsbClientCertificate c ORDER BY c.name", TsbClientCertificate.class).getResultList()
                .forEach(c -> all.add(render(c)));
        return all.build();
    }

    public void delete(String name) {
        em.remove(require(name));
        LOG.info("TSB client certificate '" + name + "' deleted");
        audit.record("operator", "tsb-client-certificate", name, "DELETED", null);
    }

    /** The roles of a certificate the TLS layer verified, or empty when none is mapped or it is out of its validity. */
    public Optional<Set<Role>> rolesOf(X509Certificate certificate) {
        try {
            certificate.checkValidity(new Date());
        } catch (CertificateException e) {
            return Optional.empty();
        }
        return bySha256(fingerprint(certificate)).map(TsbClientCertificate::roles);
    }

    private Optional<TsbClientCertificate> bySha256(String sha256) {
        List<TsbClientCertificate> found = em.createQuery("SELECT c FROM TsbClientCertificate c WHERE c.sha256 = :sha256",
                TsbClientCertificate.class).setParameter("sha256", sha256).getResultList();
        return found.stream().findFirst();
    }

    /** One PEM certificate block and nothing around it but white space; its END line is not optional. */
    private static final java.util.regex.Pattern PEM = java.util.regex.Pattern.compile(
            "\\s*-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----\\s*");

    static X509Certificate parse(String text) {
        try {
            String base64 = text.replace("\\n", "\n");
            if (base64.contains("-----")) {
                java.util.regex.Matcher pem = PEM.matcher(base64);
                if (!pem.matches()) {
                    throw new IllegalArgumentException("not one PEM certificate");
                }
                base64 = pem.group(1);
            }
            byte[] der = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new InvalidInput(ErrorCode.INVALID_CERTIFICATE, "'certificate' is not a PEM or base64 DER X.509 certificate");
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return java.util.HexFormat.of().formatHex(Hashes.sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new InvalidInput(ErrorCode.INVALID_CERTIFICATE, "'certificate' cannot be encoded");
        }
    }

    private TsbClientCertificate require(String name) {
        TsbClientCertificate mapping = name == null ? null : em.find(TsbClientCertificate.class, name);
        if (mapping == null) {
            throw new NotFound("TSB client certificate '" + name + "'");
        }
        return mapping;
    }

    private static JsonObject render(TsbClientCertificate mapping) {
        return Jsons.createObjectBuilder().add("name", mapping.name()).add("roles", TsbApiKeys.rolesJson(mapping.roles()))
                .add("subject", mapping.subject()).add("sha256", mapping.sha256())
                .add("createdAt", mapping.createdAt().toString()).build();
    }
}
