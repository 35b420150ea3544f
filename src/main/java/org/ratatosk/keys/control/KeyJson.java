package org.ratatosk.keys.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.cert.X509Certificate;
import java.util.List;
import org.ratatosk.keys.entity.KeyAttributes;
import org.ratatosk.keys.entity.ManagedKey;
import org.ratatosk.platform.ApiException;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;

/** A key as the key API shows it, and the attributes of a key request body. */
public final class KeyJson {

    private KeyJson() {
    }

    public static JsonObject render(ManagedKey key) {
        JsonObjectBuilder json = Jsons.createObjectBuilder()
                .add("label", key.label())
                .add("algorithm", key.algorithm())
                .add("keySize", key.keySize());
        if (key.curveOid() != null) {
            json.add("curveOid", key.curveOid());
        }
        json.add("token", key.tokenKind())
                .add("attributes", attributes(key.attributes()))
                .add("policy", KeyPolicy.fromStored(key.policy()).toJson(key.blocked()))
                .add("publicKey", key.publicKey())
                .add("createdAt", key.createdAt().toString());
        if (key.certificateChain() != null) {
            List<X509Certificate> chain = Pem.certificates(key.certificateChain(), "certificate");
            JsonArrayBuilder pems = Jsons.createArrayBuilder();
            chain.forEach(c -> pems.add(Pem.certificate(c)));
            json.add("certificate", Pem.certificate(chain.get(0))).add("certificateChain", pems);
        } else {
            json.addNull("certificate");
        }
        return json.build();
    }

    public static JsonObject attributes(KeyAttributes attributes) {
        return Jsons.createObjectBuilder()
                .add("decrypt", attributes.decrypt())
                .add("sign", attributes.sign())
                .add("unwrap", attributes.unwrap())
                .add("derive", attributes.derive())
                .add("bip32", attributes.bip32())
                .add("extractable", attributes.extractable())
                .add("modifiable", attributes.modifiable())
                .add("destroyable", attributes.destroyable())
                .build();
    }

    /** Attributes of a request; those not given take {@code defaults}. */
    public static KeyAttributes attributes(JsonObject json, KeyAttributes defaults) {
        return new KeyAttributes(
                flag(json, "decrypt", defaults.decrypt()), flag(json, "sign", defaults.sign()),
                flag(json, "unwrap", defaults.unwrap()), flag(json, "derive", defaults.derive()),
                flag(json, "bip32", defaults.bip32()), flag(json, "extractable", defaults.extractable()),
                flag(json, "modifiable", defaults.modifiable()), flag(json, "destroyable", defaults.destroyable()));
    }

    private static boolean flag(JsonObject json, String name, boolean fallback) {
        return JsonBodies.optionalBoolean(json, name).orElse(fallback);
    }

    public static KeyAttributes defaults() {
        return new KeyAttributes(false, true, false, false, false, false, true, true);
    }

    static void requireValidLabel(String label) {
        if (label == null || !label.matches("[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}")) {
            throw ApiException.badRequest("INVALID_LABEL",
                    "'label' must be 1 to 128 letters, digits or . _ @ : - and start with a letter or digit");
        }
    }
}
