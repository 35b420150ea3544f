package org.ratatosk.messaging.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.PublicJsonWebKey;
import org.ratatosk.platform.ApiException;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.provisioning.entity.Profile;
import org.ratatosk.provisioning.entity.ProfileKey;

/** A certificate is only pushed to a profile that holds its key under the given keyid. */
final class CertificateCommands {

    private CertificateCommands() {
    }

    static void check(JsonObject certCommand, List<Profile> profiles) {
        JsonArray certificates = JsonBodies.optionalArray(certCommand, "certificates")
                .filter(a -> !a.isEmpty())
                .orElseThrow(() -> ApiException.badRequest("INVALID_FIELD", "certCommand.certificates is required"));
        for (JsonValue value : certificates) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.badRequest("INVALID_FIELD", "certCommand.certificates items must be objects");
            }
            JsonObject item = value.asJsonObject();
            String keyId = JsonBodies.requireString(item, "keyid");
            String thumbprint = thumbprint(JsonBodies.requireString(item, "data"));
            for (Profile profile : profiles) {
                ProfileKey key = profile.key(keyId).orElseThrow(() -> ApiException.unprocessable("UNKNOWN_KEY_ID",
                        "Profile " + profile.id() + " has no key '" + keyId + "'"));
                if (!key.thumbprint().equals(thumbprint)) {
                    throw ApiException.unprocessable("CERTIFICATE_KEY_MISMATCH",
                            "The certificate for '" + keyId + "' is not for the key of profile " + profile.id());
                }
            }
        }
    }

    static String thumbprint(String base64Der) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64Der)));
            return PublicJsonWebKey.Factory.newPublicJwk(certificate.getPublicKey()).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (Exception e) {
            throw ApiException.badRequest("INVALID_FIELD", "certificates[].data is not a base64 DER X.509 certificate");
        }
    }
}
