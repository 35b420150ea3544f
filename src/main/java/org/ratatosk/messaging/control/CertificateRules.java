package org.ratatosk.messaging.control;

import static org.ratatosk.messaging.control.CommandBodies.namedProfile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.PublicJsonWebKey;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Refused;
import org.ratatosk.provisioning.control.Profiles;
import org.ratatosk.provisioning.entity.Profile;
import org.ratatosk.provisioning.entity.ProfileKey;

/**
 * A certificate goes to the profile the body names, if any, and only to a profile that holds its
 * key under the given keyid; the device's answer is relayed as it came.
 */
@ApplicationScoped
public class CertificateRules implements CommandRules {

    @Inject
    Profiles profiles;

    @Override
    public CommandType type() {
        return CommandType.CERT;
    }

    @Override
    public void checkOwnFields(JsonObject body) {
        Bodies.bind(body, Fields.class);
    }

    /** The one profile the certificates are for, when not every addressed one. */
    public record Fields(@Size(min = 1, max = CommandBodies.MAX_ID, message = CommandBodies.PROFILE_ID_RULE) String profileid) {
    }

    @Override
    public List<Target> targets(ApiClient client, JsonObject body, List<Target> addressed) {
        List<Target> chosen = namedProfile(body, addressed);
        checkCertificates(body, chosen.stream()
                .map(t -> profiles.active(client.clientId(), t.profileId()).orElseThrow())
                .toList());
        return chosen;
    }

    /** The certificates a command brings, at least one. */
    public record Certificates(@NotEmpty(message = "certCommand.certificates is required") JsonArray certificates) {
    }

    /** One certificate, base64 DER, and the keyid of the key it is for. */
    public record Certificate(@NotEmpty(message = "'keyid' is required") String keyid,
                              @NotEmpty(message = "'data' is required") String data) {
    }

    /** Each certificate is for the key its keyid names in every chosen profile. */
    static void checkCertificates(JsonObject certCommand, List<Profile> profiles) {
        JsonArray certificates = Bodies.bind(certCommand, Certificates.class).certificates();
        for (JsonValue value : certificates) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw InvalidInput.field("certCommand.certificates items must be objects");
            }
            Certificate item = Bodies.bind(value.asJsonObject(), Certificate.class);
            String keyId = item.keyid();
            String thumbprint = thumbprint(item.data());
            for (Profile profile : profiles) {
                ProfileKey key = profile.key(keyId).orElseThrow(() -> new Refused(ErrorCode.UNKNOWN_KEY_ID,
                        "Profile " + profile.id() + " has no key '" + keyId + "'"));
                if (!key.thumbprint().equals(thumbprint)) {
                    throw new Refused(ErrorCode.CERTIFICATE_KEY_MISMATCH,
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
            throw InvalidInput.field("certificates[].data is not a base64 DER X.509 certificate");
        }
    }
}
