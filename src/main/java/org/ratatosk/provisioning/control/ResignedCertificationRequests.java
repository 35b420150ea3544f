package org.ratatosk.provisioning.control;

import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.ratatosk.platform.ErrorCode;

/** PKCS#10 parsing and checks for the certificate requests devices re-sign with their new keys. */
public final class ResignedCertificationRequests {

    private ResignedCertificationRequests() {
    }

    /** A submitted dummy request: base64 in either alphabet, line breaks allowed. */
    public static Optional<PKCS10CertificationRequest> parse(String base64, String what) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.replace('-', '+').replace('_', '/'));
            return Optional.of(new PKCS10CertificationRequest(der));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** A device's re-signed request: strict base64 or base64url, no stray characters. */
    static PKCS10CertificationRequest parseAnswered(String base64, String keyId) throws AnswerRejected {
        byte[] der = StrictBase64.either(base64, "certreq of " + keyId);
        try {
            return new PKCS10CertificationRequest(der);
        } catch (Exception e) {
            throw new AnswerRejected(ErrorCode.CSR_INVALID, "certreq of " + keyId + " is not a PKCS#10 request");
        }
    }

    /** Checks that a re-signed request verifies, carries the given key and keeps the dummy's subject. */
    public static void checkResigned(String certReq, PublicKey expectedKey, X500Name expectedSubject, String keyId)
            throws AnswerRejected {
        PKCS10CertificationRequest request = parseAnswered(certReq, keyId);
        try {
            JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(request);
            PublicKey key = jca.getPublicKey();
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new AnswerRejected(ErrorCode.CSR_INVALID, "certreq of " + keyId + " has an invalid signature");
            }
            if (!java.util.Arrays.equals(key.getEncoded(), expectedKey.getEncoded())) {
                throw new AnswerRejected(ErrorCode.CSR_KEY_MISMATCH, "certreq of " + keyId + " is not for the signed key");
            }
        } catch (AnswerRejected e) {
            throw e;
        } catch (Exception e) {
            throw new AnswerRejected(ErrorCode.CSR_INVALID, "certreq of " + keyId + " cannot be verified");
        }
        if (!request.getSubject().equals(expectedSubject)) {
            throw new AnswerRejected(ErrorCode.CSR_SUBJECT_MISMATCH, "certreq of " + keyId + " changed the subject");
        }
    }
}
