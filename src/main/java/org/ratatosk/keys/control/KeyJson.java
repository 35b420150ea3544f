package org.ratatosk.keys.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.cert.X509Certificate;
import java.util.List;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.keys.entity.KeyAttributes;
import org.ratatosk.keys.entity.ManagedKey;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
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
                .add("algorithmOid", Keys.spec(key).algorithmOid())
                .add("createdAt", key.createdAt().toString());
        if (!key.publicKey().isEmpty()) {
            json.add("publicKey", key.publicKey());
        }
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

    /**
     * TSB's key attributes answer. TSB adds an XML form signed by the HSM's attestation key; this
     * server has no attestation key, so {@code xmlSignature} and {@code attestationKeyName} are empty.
     */
    public static JsonObject tsbAttributes(ManagedKey key) {
        KeyAttributes attributes = key.attributes();
        JsonObject tsb = Jsons.createObjectBuilder(attributes(attributes))
                .add("encrypt", attributes.decrypt())
                .add("verify", attributes.sign())
                .add("wrap", attributes.unwrap())
                .add("sensitive", !attributes.extractable() || !"software".equals(key.tokenKind()))
                .add("alwaysSensitive", !attributes.extractable())
                .add("neverExtractable", !attributes.extractable())
                .build();
        JsonObjectBuilder json = Jsons.createObjectBuilder()
                .add("label", key.label())
                .add("attributes", tsb)
                .add("keySize", key.keySize())
                .add("policy", KeyPolicy.fromStored(key.policy()).toJson(key.blocked()))
                .add("algorithm", key.algorithm())
                .add("algorithmOid", Keys.spec(key).algorithmOid());
        if (key.curveOid() != null) {
            json.add("curveOid", key.curveOid());
        } else {
            json.addNull("curveOid");
        }
        if (!key.publicKey().isEmpty()) {
            json.add("publicKey", key.publicKey());
        } else {
            json.addNull("publicKey");
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><key><label>")
                .append(key.label()).append("</label><algorithm>").append(key.algorithm())
                .append("</algorithm><algorithmOid>").append(Keys.spec(key).algorithmOid())
                .append("</algorithmOid><keySize>").append(key.keySize()).append("</keySize><attributes>");
        tsb.forEach((name, value) -> xml.append('<').append(name).append('>').append(value).append("</").append(name).append('>'));
        xml.append("</attributes></key>");
        return Jsons.createObjectBuilder().add("json", json).add("xml", xml.toString()).add("xmlSignature", "")
                .add("attestationKeyName", "").build();
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
        return Bodies.bind(json, AttributeFlags.class).over(defaults);
    }

    public static KeyAttributes defaults() {
        return new KeyAttributes(false, true, false, false, false, false, true, true);
    }

    static void requireValidLabel(String label) {
        if (label == null || !label.matches("[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}")) {
            throw new InvalidInput(ErrorCode.INVALID_LABEL,
                    "'label' must be 1 to 128 letters, digits or . _ @ : - and start with a letter or digit");
        }
    }
}
