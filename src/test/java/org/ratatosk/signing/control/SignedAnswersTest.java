package org.ratatosk.signing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ratatosk.devicesim.CommandBodies;
import org.ratatosk.devicesim.KeySpec;
import org.ratatosk.devicesim.SignFault;
import org.ratatosk.devicesim.SignatureAnswers;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.provisioning.control.AnswerMalformed;
import org.ratatosk.provisioning.control.AnswerRejected;

/** The server's checks of signed answers, fed by the device simulator's answers with and without faults. */
class SignedAnswersTest {

    static KeyPair rsa;
    static KeyPair ec;
    static Map<String, String> storedKeys;

    @BeforeAll
    static void keys() throws Exception {
        rsa = KeySpec.rsa(2048).generate();
        ec = KeySpec.ec(256).generate();
        storedKeys = Map.of("signer", jwk(rsa), "auth", jwk(ec));
    }

    static String jwk(KeyPair pair) throws Exception {
        return PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic()).toJson();
    }

    static JsonArray tbs(int items) {
        var array = Json.createArrayBuilder().add(CommandBodies.text("doc", "Pay 100 EUR"));
        if (items > 1) {
            array.add(Json.createObjectBuilder().add("data", Base64.getEncoder().encodeToString(new byte[]{9, 8, 7}))
                    .add("content_encoding", "base64"));
        }
        return array.build();
    }

    /** The message a device fetches, and the server's reading of the same params. */
    static JsonObject message(String type, JsonArray tbs, String format, String extraParams) {
        JsonObject body = CommandBodies.sign(type.equals("SIGN") ? "sign" : "authenticate", "p", tbs, format, null);
        String bodyKey = type.equals("SIGN") ? "signCommand" : "authCommand";
        JsonObject params = body.getJsonObject(bodyKey).getJsonObject("params");
        if (extraParams != null) {
            params = Json.createObjectBuilder(params).addAll(Json.createObjectBuilder(
                    Json.createReader(new java.io.StringReader(extraParams.replace('\'', '"'))).readObject())).build();
        }
        return Json.createObjectBuilder()
                .add("header", Json.createObjectBuilder().add("commandType", type))
                .add(bodyKey, Json.createObjectBuilder().add("params", params)).build();
    }

    static VerifiedSignature verified(JsonObject message, Map<String, KeyPair> deviceKeys, String keyid, boolean detached,
                                      SignFault... faults) throws AnswerRejected {
        String type = message.getJsonObject("header").getString("commandType");
        String bodyKey = type.equals("SIGN") ? "signCommand" : "authCommand";
        JsonObject answer = SignatureAnswers.build(message, deviceKeys, keyid, detached, Set.of(faults));
        return SignedAnswers.verify(SignRequest.from(message.getJsonObject(bodyKey)),
                answer.getJsonObject(type.equals("SIGN") ? "signResponse" : "authResponse"), storedKeys);
    }

    static String verify(JsonObject message, Map<String, KeyPair> deviceKeys, String keyid, boolean detached, SignFault... faults)
            throws AnswerRejected {
        return verified(message, deviceKeys, keyid, detached, faults).keyId();
    }

    static void rejected(String code, JsonObject message, String keyid, boolean detached, SignFault... faults) {
        AnswerRejected e = assertThrows(AnswerRejected.class,
                () -> verify(message, Map.of("signer", rsa, "auth", ec), keyid, detached, faults));
        assertEquals(code, e.code().name(), e.getMessage());
    }

    @Test
    void validJwsAndCmsAnswersVerify() throws Exception {
        Map<String, KeyPair> device = Map.of("signer", rsa, "auth", ec);
        assertEquals("signer", verify(message("SIGN", tbs(2), "jws", null), device, "signer", false));
        assertEquals("auth", verify(message("AUTH", tbs(2), "jws", null), device, "auth", false));
        assertEquals("signer", verify(message("SIGN", tbs(1), "pkcs7", null), device, "signer", false));
        assertEquals("signer", verify(message("SIGN", tbs(1), "pkcs7", null), device, "signer", true));
        assertEquals("auth", verify(message("AUTH", tbs(1), "pkcs7", null), device, "auth", true));
        assertEquals("signer", verify(message("SIGN", tbs(1), "pkcs7", "{'mechanism':'RS256'}"), device, "signer", false));
        assertEquals("auth", verify(message("SIGN", tbs(1), "jws", "{'mechanism':'ES256','filter':{'keyid':'auth'}}"),
                device, "auth", false));
    }

    @Test
    void faultsAreRejectedWithTheirReason() {
        rejected("SIGNATURE_INVALID", message("SIGN", tbs(2), "jws", null), "signer", false, SignFault.WRONG_KEY);
        rejected("SIGNATURE_INVALID", message("AUTH", tbs(1), "jws", null), "auth", false, SignFault.WRONG_KEY);
        rejected("TBS_MISMATCH", message("SIGN", tbs(2), "jws", null), "signer", false, SignFault.CHANGED_TBS);
        rejected("UNKNOWN_KEY", message("SIGN", tbs(2), "jws", null), "signer", false, SignFault.UNKNOWN_KID);
        rejected("WRONG_FORMAT", message("SIGN", tbs(1), "jws", null), "signer", false, SignFault.WRONG_FORMAT);
        rejected("WRONG_FORMAT", message("SIGN", tbs(1), "pkcs7", null), "signer", false, SignFault.WRONG_FORMAT);
        rejected("SIGNATURE_INVALID", message("SIGN", tbs(1), "pkcs7", null), "signer", false, SignFault.WRONG_KEY);
        rejected("SIGNATURE_INVALID", message("SIGN", tbs(1), "pkcs7", null), "auth", true, SignFault.WRONG_KEY);
        rejected("TBS_MISMATCH", message("SIGN", tbs(1), "pkcs7", null), "signer", false, SignFault.CHANGED_TBS);
        rejected("TBS_MISMATCH", message("SIGN", tbs(1), "pkcs7", null), "signer", true, SignFault.CHANGED_TBS);
        rejected("WRONG_MECHANISM", message("SIGN", tbs(1), "jws", "{'mechanism':'PS256'}"), "signer", false);
        rejected("WRONG_MECHANISM", message("SIGN", tbs(1), "pkcs7", "{'mechanism':'RS384'}"), "signer", false);
        rejected("UNKNOWN_KEY", message("SIGN", tbs(1), "jws", "{'filter':{'keyid':'auth'}}"), "signer", false);
        rejected("UNKNOWN_KEY", message("SIGN", tbs(1), "jws", "{'filter':{'keyid':'nosuch'}}"), "signer", false);
    }

    @Test
    void malformedAnswersAreRejected() throws Exception {
        SignRequest jws = SignRequest.from(message("SIGN", tbs(1), "jws", null).getJsonObject("signCommand"));
        SignRequest cms = SignRequest.from(message("SIGN", tbs(1), "pkcs7", null).getJsonObject("signCommand"));
        assertEquals("MALFORMED_ANSWER", code(jws, "{'code':0}"));
        assertEquals("MALFORMED_ANSWER", code(jws, "{'code':0,'result':{'data':''}}"));
        assertEquals("MALFORMED_JWS", code(jws, "{'code':0,'result':{'contenttype':'jws','data':'not-a-jws'}}"));
        assertEquals("MALFORMED_ANSWER", code(cms, "{'code':0,'result':{'contenttype':'pkcs7','data':'AAAA'}}"));
        String unsigned = "eyJhbGciOiJub25lIiwia2lkIjoic2lnbmVyIn0." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"tbs\":" + tbs(1) + "}").getBytes()) + ".";
        assertEquals("ALG_NOT_ALLOWED", code(jws, "{'code':0,'result':{'data':'" + unsigned + "'}}"));
        String wrongPayload = SignatureAnswers.jws(Json.createArrayBuilder().build(), rsa, "signer");
        assertEquals("TBS_MISMATCH", code(jws, "{'code':0,'result':{'data':'" + wrongPayload + "'}}"));
    }

    /** A CMS SignedData over the one tbs item, made with the given JCA signature algorithm. */
    static String cms(JsonArray tbs, KeyPair key, String algorithm) throws Exception {
        ContentSigner signer = (algorithm.equals("RSASSA-PSS")
                ? new JcaContentSignerBuilder(algorithm, new PSSParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, 20, 1))
                : new JcaContentSignerBuilder(algorithm)).setProvider(new BouncyCastleProvider()).build(key.getPrivate());
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(signer, new byte[]{1, 2, 3, 4}));
        byte[] content = tbs.getJsonObject(0).getString("data").getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(generator.generate(new CMSProcessableByteArray(content), true).getEncoded());
    }

    static JsonObject result(String format, String data) {
        return Json.createObjectBuilder().add("code", 0)
                .add("result", Json.createObjectBuilder().add("contenttype", format).add("data", data)).build();
    }

    @Test
    void cmsWithSha1IsRefusedWithItsOwnCode() throws Exception {
        SignRequest request = SignRequest.from(message("SIGN", tbs(1), "pkcs7", null).getJsonObject("signCommand"));
        for (var signer : Map.of("SHA1withRSA", rsa, "SHA1withECDSA", ec, "RSASSA-PSS", rsa).entrySet()) {
            AnswerRejected refused = assertThrows(AnswerRejected.class, () -> SignedAnswers.verify(request,
                    result("pkcs7", cms(tbs(1), signer.getValue(), signer.getKey())), storedKeys), signer.getKey());
            assertEquals(ErrorCode.SHA1_NOT_ALLOWED, refused.code(), signer.getKey());
        }
        assertEquals("signer", SignedAnswers.verify(request, result("pkcs7", cms(tbs(1), rsa, "SHA256withRSA")), storedKeys).keyId());
        assertEquals("auth", SignedAnswers.verify(request, result("pkcs7", cms(tbs(1), ec, "SHA384withECDSA")), storedKeys).keyId());
    }

    @Test
    void cmsDataMustBeStrictBase64() throws Exception {
        SignRequest request = SignRequest.from(message("SIGN", tbs(1), "pkcs7", null).getJsonObject("signCommand"));
        String data = cms(tbs(1), rsa, "SHA256withRSA");
        for (String broken : new String[]{"!!!" + data, data.substring(0, 40) + " " + data.substring(40), data + "=",
                data.replace('+', '-').replace('/', '_'), data + "\t"}) {
            AnswerRejected refused = assertThrows(AnswerMalformed.class,
                    () -> SignedAnswers.verify(request, result("pkcs7", broken), storedKeys));
            assertEquals(ErrorCode.INVALID_BASE64, refused.code());
        }
        String wrapped = data.substring(0, 64) + "\r\n" + data.substring(64);
        assertEquals("signer", SignedAnswers.verify(request, result("pkcs7", wrapped), storedKeys).keyId());
    }

    @Test
    void jwsWithStrayCharactersIsMalformedNotVerified() {
        SignRequest request = SignRequest.from(message("SIGN", tbs(1), "jws", null).getJsonObject("signCommand"));
        String valid = SignatureAnswers.jws(tbs(1), rsa, "signer");
        String bangs = valid.substring(0, valid.lastIndexOf('.') + 1) + "!!!" + valid.substring(valid.lastIndexOf('.') + 1);
        AnswerRejected refused = assertThrows(AnswerMalformed.class,
                () -> SignedAnswers.verify(request, result("jws", bangs), storedKeys));
        assertEquals(ErrorCode.INVALID_BASE64URL, refused.code());
    }

    @Test
    void fingerprintsNameTheSignatureWhateverItsSpelling() throws Exception {
        JsonObject message = message("SIGN", tbs(2), "jws", null);
        Map<String, KeyPair> device = Map.of("signer", rsa, "auth", ec);
        VerifiedSignature first = verified(message, device, "signer", false);
        assertEquals(first, verified(message, device, "signer", false), "PKCS#1 v1.5 signs the same bytes the same way");
        assertEquals(64, first.fingerprint().length());

        // (r, n - s) verifies as well as (r, s): the same ECDSA signature, spelled otherwise
        SignRequest request = SignRequest.from(message("SIGN", tbs(1), "jws", "{'filter':{'keyid':'auth'}}")
                .getJsonObject("signCommand"));
        String jws = SignatureAnswers.jws(tbs(1), ec, "auth");
        VerifiedSignature original = SignedAnswers.verify(request, result("jws", jws), storedKeys);
        byte[] signature = Base64.getUrlDecoder().decode(jws.substring(jws.lastIndexOf('.') + 1));
        BigInteger order = ((ECPublicKey) ec.getPublic()).getParams().getOrder();
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        byte[] highS = order.subtract(s).toByteArray();
        byte[] flipped = Arrays.copyOf(signature, 64);
        Arrays.fill(flipped, 32, 64, (byte) 0);
        System.arraycopy(highS, Math.max(0, highS.length - 32), flipped, 64 - Math.min(32, highS.length), Math.min(32, highS.length));
        String other = jws.substring(0, jws.lastIndexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
        VerifiedSignature malleated = SignedAnswers.verify(request, result("jws", other), storedKeys);
        assertEquals(original.fingerprint(), malleated.fingerprint());
        assertNotEquals(original.fingerprint(), SignedAnswers.verify(request,
                result("jws", SignatureAnswers.jws(tbs(1), ec, "auth")), storedKeys).fingerprint(), "ECDSA signs afresh each time");
    }

    static String code(SignRequest request, String response) {
        JsonObject json = Json.createReader(new java.io.StringReader(response.replace('\'', '"'))).readObject();
        return assertThrows(AnswerRejected.class, () -> SignedAnswers.verify(request, json, storedKeys)).code().name();
    }
}
