package org.ratatosk.ca.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.keys.control.Certificates;
import org.ratatosk.keys.control.Keys;
import org.ratatosk.keys.control.Pem;
import org.ratatosk.keys.entity.ManagedKey;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Refused;
import org.ratatosk.tokens.control.Tokens;

/**
 * Issues certificates with a key in the token. {@link #issue} is the path for server components,
 * which carry no approvals; the key API reaches {@link #issueWith} once the key's rule is met.
 * Both build the certificate the same way. A CDI bean rather than an EJB, so that callers see
 * {@link org.ratatosk.platform.HsmUnavailableException} itself, not wrapped.
 */
@ApplicationScoped
@Transactional
public class CertificateAuthority {

    private static final Logger LOG = Logger.getLogger(CertificateAuthority.class.getName());

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    Keys keys;

    @Inject
    Tokens tokens;

    /** CA chains by their PEM text, parsed once rather than for every certificate issued. */
    private final java.util.Map<String, List<X509Certificate>> chains = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A certificate for {@code subjectKey} from the CA key {@code caKeyLabel}: the chain, leaf first,
     * then the CA key's certificate and its issuers. Refused when the key's use needs approvals.
     */
    public List<X509Certificate> issue(String caKeyLabel, PublicKey subjectKey, X500Name subject,
                                       GeneralNames subjectAltNames, Duration validity, int keyUsageBits,
                                       List<KeyPurposeId> extendedKeyUsages, boolean certificateAuthority) {
        ManagedKey key = keys.require(caKeyLabel);
        if (KeyPolicy.fromStored(key.policy()).use().needsApproval()) {
            throw new Refused(ErrorCode.APPROVAL_REQUIRED,
                    "Key '" + key.label() + "' is governed by approvals; issue through the key API");
        }
        return issueWith(key, new CertificateBuilder.Subject(subject, subjectKey, subjectAltNames, validity, keyUsageBits,
                List.copyOf(extendedKeyUsages), certificateAuthority, null), null);
    }

    /** Issues with a key whose use is allowed: no rule, or a request its approvers approved. */
    public List<X509Certificate> issueWith(ManagedKey key, CertificateBuilder.Subject subject, String signatureAlgorithm) {
        keys.requireUsable(key);
        if (key.certificateChain() == null) {
            throw new Conflict(ErrorCode.NO_CA_CERTIFICATE, "Key '" + key.label() + "' has no certificate to issue under");
        }
        if (chains.size() > 1000) {
            chains.clear();
        }
        List<X509Certificate> chain = chains.computeIfAbsent(key.certificateChain(),
                pem -> List.copyOf(Pem.certificates(pem, "certificate")));
        X509Certificate ca = chain.get(0);
        if (!Certificates.isCertificateAuthority(ca)) {
            throw new Conflict(ErrorCode.NO_CA_CERTIFICATE, "The certificate of key '" + key.label()
                    + "' is not a CA certificate (basicConstraints cA, keyCertSign)");
        }
        String algorithm = signatureAlgorithm != null ? signatureAlgorithm : Keys.spec(key).defaultSignatureAlgorithm();
        CertificateBuilder.Issuer issuer = new CertificateBuilder.Issuer(key.labelId(),
                X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), ca.getPublicKey(),
                Certificates.subjectKeyIdentifier(ca), algorithm);
        X509Certificate leaf = CertificateBuilder.issue(tokens.token(), issuer, subject, clock.instant());
        List<X509Certificate> issued = new ArrayList<>(chain.size() + 1);
        issued.add(leaf);
        issued.addAll(chain);
        LOG.fine(() -> "Key '" + key.label() + "' issued serial " + leaf.getSerialNumber().toString(16)
                + " to " + leaf.getSubjectX500Principal().getName());
        return issued;
    }

    /** A self-signed certificate for the key, which becomes the key's certificate. */
    public X509Certificate selfSign(ManagedKey key, X500Name subject, CertificateProfile profile) {
        keys.requireUsable(key);
        PublicKey publicKey = keys.publicKey(key);
        Instant now = clock.instant();
        CertificateBuilder.Issuer issuer = new CertificateBuilder.Issuer(key.labelId(), subject, publicKey, null,
                profile.signatureAlgorithmFor(Keys.spec(key)));
        X509Certificate certificate = CertificateBuilder.issue(tokens.token(), issuer, new CertificateBuilder.Subject(
                subject, publicKey, null, profile.validity(), profile.keyUsageBits(), profile.extendedKeyUsages(),
                profile.certificateAuthority(), profile.pathLength()), now);
        key.replaceCertificateChain(Pem.certificate(certificate), now);
        LOG.info("Key '" + key.label() + "' self-signed " + certificate.getSubjectX500Principal().getName());
        audit.record("operator", "key", key.label(), "SELF_SIGNED", null);
        return certificate;
    }
}
