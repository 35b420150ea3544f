package org.ratatosk.ca.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.approvals.control.KeyRequests;
import org.ratatosk.approvals.control.Rule;
import org.ratatosk.keys.control.Certificates;
import org.ratatosk.keys.control.Keys;
import org.ratatosk.keys.control.Pem;
import org.ratatosk.keys.entity.ManagedKey;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Refused;
import org.ratatosk.tokens.control.Tokens;

/**
 * The uses of a key the certificate API offers: a CSR made by the key, a certificate issued by it,
 * a self-signed certificate for it. Each is checked completely before it runs or waits for approval,
 * and runs the same way either way.
 */
@Stateless
public class KeyOperations {

    @Inject
    Keys keys;

    @Inject
    Tokens tokens;

    @Inject
    CertificateAuthority authority;

    @Inject
    KeyRequests requests;

    public JsonObject csr(CertificateBodies.CsrSign body) {
        JsonObject request = body.csrSignRequest();
        ManagedKey key = signer(request);
        return submitOrRun(key, KeyPolicy.Operation.CSR, request);
    }

    public JsonObject sign(CertificateBodies.SignCertificate body) {
        JsonObject request = body.signCertificateRequest();
        ManagedKey key = signer(request);
        return submitOrRun(key, KeyPolicy.Operation.SIGN_CERTIFICATE, request);
    }

    public JsonObject selfSign(CertificateBodies.SelfSign body) {
        JsonObject request = body.selfSignCertificateRequest();
        ManagedKey key = signer(request);
        return submitOrRun(key, KeyPolicy.Operation.SELF_SIGN, request);
    }

    private JsonObject submitOrRun(ManagedKey key, KeyPolicy.Operation operation, JsonObject request) {
        Rule rule = operation.ruleOf(KeyPolicy.fromStored(key.policy()));
        if (rule.needsApproval()) {
            check(key, operation, request);
            return Jsons.createObjectBuilder().add("signRequestId", requests.submit(key, operation, request, rule)).build();
        }
        // Run checks everything before it signs, so a request that needs no approval is checked once.
        // TSB answers every asynchronous call with a request id; the result comes along at once.
        String result = run(key, operation, request);
        return Jsons.createObjectBuilder(answer(operation, result))
                .add("signRequestId", requests.executedAtOnce(key, operation, request, result)).build();
    }

    /** The CSR of a sign request: TSB's {@code certificateSigningRequest}, or seed 003's {@code csr}. */
    static String csrOf(JsonObject request) {
        return request.containsKey("certificateSigningRequest")
                ? Bodies.bind(request, CertificateBodies.Csr.class).certificateSigningRequest()
                : Bodies.bind(request, CertificateBodies.SeedCsr.class).csr();
    }

    private ManagedKey signer(JsonObject request) {
        return keys.require(Bodies.bind(request, CertificateBodies.SignKey.class).signKeyName());
    }

    /**
     * TSB's synchronous certificate calls, with flat bodies: they run at once and are refused for
     * a key whose use needs approval.
     */
    public JsonObject synchronous(KeyPolicy.Operation operation, JsonObject request) {
        ManagedKey key = signer(request);
        if (operation.ruleOf(KeyPolicy.fromStored(key.policy())).needsApproval()) {
            throw new Refused(ErrorCode.APPROVAL_REQUIRED, "Key '" + key.label()
                    + "' is governed by approvals; use the asynchronous call");
        }
        return Jsons.createObjectBuilder(answer(operation, run(key, operation, request))).add("label", key.label()).build();
    }

    /** Refuses now what would fail later: malformed fields, a key that cannot be used. */
    void check(ManagedKey key, KeyPolicy.Operation operation, JsonObject request) {
        keys.requireUsable(key);
        CertificateProfile profile = CertificateProfile.parse(request, operation == KeyPolicy.Operation.SELF_SIGN);
        profile.signatureAlgorithmFor(Keys.spec(key));
        switch (operation) {
            case CSR, SELF_SIGN -> SubjectNames.parse(request);
            case SIGN_CERTIFICATE -> {
                CaCertificationRequests.parseVerified(csrOf(request));
                requireCaCertificate(key);
            }
            default -> throw new IllegalArgumentException(operation.name());
        }
    }

    /** A request to issue with a key that holds no CA certificate would only fail after its approvals. */
    private static void requireCaCertificate(ManagedKey key) {
        if (key.certificateChain() == null
                || !Certificates.isCertificateAuthority(Pem.certificates(key.certificateChain(), "certificate").get(0))) {
            throw new Conflict(ErrorCode.NO_CA_CERTIFICATE, "Key '" + key.label() + "' holds no CA certificate to issue under");
        }
    }

    /** Runs an approved request's operation in a transaction of its own, so a refusal cannot undo the request's record. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String runApproved(String keyLabelId, KeyPolicy.Operation operation, JsonObject request) {
        return run(keys.require(keyLabelId), operation, request);
    }

    /** Performs a checked operation and returns its result as PEM. */
    public String run(ManagedKey key, KeyPolicy.Operation operation, JsonObject request) {
        CertificateProfile profile = CertificateProfile.parse(request, operation == KeyPolicy.Operation.SELF_SIGN);
        String algorithm = profile.signatureAlgorithmFor(Keys.spec(key));
        return switch (operation) {
            case CSR -> {
                keys.requireUsable(key);
                PublicKey publicKey = keys.publicKey(key);
                yield CaCertificationRequests.pem(CaCertificationRequests.create(tokens.token(), key.labelId(), publicKey,
                        SubjectNames.parse(request), profile, algorithm));
            }
            case SELF_SIGN -> Pem.certificate(authority.selfSign(key, SubjectNames.parse(request), profile));
            case SIGN_CERTIFICATE -> {
                JcaPKCS10CertificationRequest csr = CaCertificationRequests.parseVerified(csrOf(request));
                PublicKey subjectKey;
                try {
                    subjectKey = csr.getPublicKey();
                } catch (java.security.GeneralSecurityException e) {
                    throw new InvalidInput(ErrorCode.INVALID_CSR, "The CSR's public key is unreadable");
                }
                List<X509Certificate> chain = authority.issueWith(key, new CertificateBuilder.Subject(
                        X500Name.getInstance(csr.getSubject()), subjectKey, CaCertificationRequests.alternativeNames(csr),
                        profile.validity(), profile.keyUsageBits(), profile.extendedKeyUsages(),
                        profile.certificateAuthority(), profile.pathLength()), algorithm);
                yield Pem.chain(chain);
            }
            default -> throw new IllegalArgumentException(operation.name());
        };
    }

    /** The synchronous answer: the CSR, or the certificate (first of the PEM chain) with its chain. */
    static JsonObject answer(KeyPolicy.Operation operation, String pem) {
        if (operation == KeyPolicy.Operation.CSR) {
            return Jsons.createObjectBuilder().add("certificateSigningRequest", pem).add("result", pem).build();
        }
        List<String> chain = Pem.split(pem);
        JsonArrayBuilder all = Jsons.createArrayBuilder();
        chain.forEach(all::add);
        return Jsons.createObjectBuilder().add("certificate", chain.get(0)).add("certificateChain", all).build();
    }
}
