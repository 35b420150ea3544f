package org.ratatosk.enrollment.control;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Refused;

/** The subject and key of a certificate request a device re-signed, as stored with its profile key. */
record SignedRequest(X500Name subject, PublicKey publicKey) {

    static SignedRequest parse(String base64Der) {
        try {
            var request = new JcaPKCS10CertificationRequest(Base64.getMimeDecoder().decode(base64Der));
            return new SignedRequest(request.getSubject(), request.getPublicKey());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused(ErrorCode.INVALID_CERTIFICATE_REQUEST, "The stored certificate request cannot be read");
        }
    }
}
