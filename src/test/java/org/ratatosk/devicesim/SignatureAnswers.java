package org.ratatosk.devicesim;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Answers to {@code SIGN} and {@code AUTH} messages as the apps make them: a JWS over
 * {@code {"tbs":[...]}} with the key's keyid, or a CMS SignedData over the one tbs item's data.
 */
public final class SignatureAnswers {

    private static volatile KeyPair stranger;

    private SignatureAnswers() {
    }

    /**
     * The answer body to a fetched sign or authenticate message, signed with the profile key
     * {@code keyid} out of {@code keys}; {@code detached} leaves the CMS content out.
     */
    public static JsonObject build(JsonObject message, Map<String, KeyPair> keys, String keyid, boolean detached,
                                   Set<SignFault> faults) {
        String type = message.getJsonObject("header").getString("commandType");
        String bodyKey = "SIGN".equals(type) ? "signCommand" : "authCommand";
        String responseKey = "SIGN".equals(type) ? "signResponse" : "authResponse";
        JsonObject params = message.getJsonObject(bodyKey).getJsonObject("params");
        JsonArray tbs = params.getJsonArray("tbs");
        boolean pkcs7 = "pkcs7".equalsIgnoreCase(params.getString("format", "jws"));
        if (faults.contains(SignFault.WRONG_FORMAT)) {
            pkcs7 = !pkcs7;
        }
        KeyPair key = faults.contains(SignFault.WRONG_KEY) ? stranger(keys.get(keyid)) : keys.get(keyid);
        if (faults.contains(SignFault.CHANGED_TBS)) {
            tbs = Json.createArrayBuilder(tbs).add(Json.createObjectBuilder().add("key", "extra").add("data", "changed")).build();
        }
        String data = pkcs7 ? cms(tbs, key, detached, faults.contains(SignFault.CHANGED_TBS))
                : jws(tbs, key, faults.contains(SignFault.UNKNOWN_KID) ? keyid + "-unknown" : keyid);
        return Json.createObjectBuilder().add(responseKey, Json.createObjectBuilder()
                .add("code", 0)
                .add("result", Json.createObjectBuilder()
                        .add("contenttype", pkcs7 ? "pkcs7" : "jws")
                        .add("data", data))).build();
    }

    public static String jws(JsonArray tbs, KeyPair key, String keyid) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("kid", keyid);
        String payload = Json.createObjectBuilder().add("tbs", tbs).build().toString();
        return Jws.sign(Jws.algorithmFor(key.getPublic()), headers, payload, key.getPrivate());
    }

    /** A CMS SignedData (base64 DER) over the first tbs item's decoded data. */
    public static String cms(JsonArray tbs, KeyPair key, boolean detached, boolean changeContent) {
        byte[] content = decoded(tbs.getJsonObject(0));
        if (changeContent) {
            content = (new String(content, StandardCharsets.ISO_8859_1) + " changed").getBytes(StandardCharsets.ISO_8859_1);
        }
        try {
            String alg = key.getPublic() instanceof ECPublicKey ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(alg).build(key.getPrivate());
            byte[] keyIdentifier = MessageDigest.getInstance("SHA-1").digest(key.getPublic().getEncoded());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(signer, keyIdentifier));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), !detached);
            return Base64.getEncoder().encodeToString(signed.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a CMS signature", e);
        }
    }

    static byte[] decoded(JsonObject item) {
        String data = item.getString("data");
        return "base64".equalsIgnoreCase(item.getString("content_encoding", "utf-8"))
                ? Base64.getMimeDecoder().decode(data) : data.getBytes(StandardCharsets.UTF_8);
    }

    // A key of the same type as the profile's, which the profile never proved to hold.
    private static KeyPair stranger(KeyPair like) {
        if (like.getPublic() instanceof ECPublicKey) {
            return KeySpec.ec(256).generate();
        }
        if (stranger == null) {
            synchronized (SignatureAnswers.class) {
                if (stranger == null) {
                    stranger = KeySpec.rsa(2048).generate();
                }
            }
        }
        return stranger;
    }

    /** The seed 002 shaped answer to a ping: the deviceinfo and profileinfo asked for. */
    public static JsonObject ping(JsonObject message, String profileId, JsonObject deviceinfo) {
        JsonObject command = message.getJsonObject("pingCommand");
        var response = Json.createObjectBuilder().add("code", 0);
        if (asked(command.get("deviceinfo"))) {
            response.add("deviceinfo", deviceinfo);
        }
        if (asked(command.get("profileinfo"))) {
            response.add("profileinfo", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("guid", "0123456789abcdef0123456789abcdef")
                    .add("name", "TestProfile")
                    .add("issuer", "Ratatosk Test CA")
                    .add("pid", profileId)
                    .add("activated", "2026-01-01T00:00:00Z")
                    .add("certificates", "")));
        }
        return Json.createObjectBuilder().add("pingResponse", response).build();
    }

    /** {@code {"<responseKey>":{"code":<code>, ...extra}}}, for delete, spin and epin. */
    public static JsonObject plain(String responseKey, int code, JsonObject extra) {
        var response = Json.createObjectBuilder().add("code", code);
        extra.forEach(response::add);
        return Json.createObjectBuilder().add(responseKey, response).build();
    }

    private static boolean asked(JsonValue flag) {
        return flag == JsonValue.TRUE || flag != null && flag.getValueType() == JsonValue.ValueType.STRING
                && "true".equals(((jakarta.json.JsonString) flag).getString());
    }
}
