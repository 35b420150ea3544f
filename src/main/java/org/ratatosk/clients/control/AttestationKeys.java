package org.ratatosk.clients.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/**
 * Trusted attestation keys are given as public JWKs or X.509 certificates (base64 DER or PEM)
 * and compared by their RFC 7638 thumbprint.
 */
@ApplicationScoped
public class AttestationKeys {

    public String thumbprint(JsonValue value) {
        try {
            if (value instanceof JsonObject object) {
                JsonWebKey jwk = JsonWebKey.Factory.newJwk(object.toString());
                if (!(jwk instanceof PublicJsonWebKey publicJwk) || publicJwk.getPrivateKey() != null) {
                    throw new IllegalArgumentException("not a public RSA or EC key");
                }
                return jwk.calculateBase64urlEncodedThumbprint("SHA-256");
            }
            if (value instanceof JsonString string) {
                String base64 = string.getString().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
                return PublicJsonWebKey.Factory.newPublicJwk(certificate.getPublicKey())
                        .calculateBase64urlEncodedThumbprint("SHA-256");
            }
        } catch (Exception e) {
            throw new InvalidInput(ErrorCode.INVALID_ATTESTATION_KEY,
                    "An attestation key is neither a public JWK nor an X.509 certificate");
        }
        throw new InvalidInput(ErrorCode.INVALID_ATTESTATION_KEY, "attestationKeys items must be JWK objects or certificates");
    }
}
