package org.ratatosk.signing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ratatosk.devicesim.CommandBodies;
import org.ratatosk.devicesim.KeySpec;
import org.ratatosk.devicesim.SignFault;
import org.ratatosk.devicesim.SignatureAnswers;
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

    static String verify(JsonObject message, Map<String, KeyPair> deviceKeys, String keyid, boolean detached, SignFault... faults)
            throws AnswerRejected {
        String type = message.getJsonObject("header").getString("commandType");
        String bodyKey = type.equals("SIGN") ? "signCommand" : "authCommand";
        JsonObject answer = SignatureAnswers.build(message, deviceKeys, keyid, detached, Set.of(faults));
        return SignedAnswers.verify(SignRequest.from(message.getJsonObject(bodyKey)),
                answer.getJsonObject(type.equals("SIGN") ? "signResponse" : "authResponse"), storedKeys);
    }

    static void rejected(String code, JsonObject message, String keyid, boolean detached, SignFault... faults) {
        AnswerRejected e = assertThrows(AnswerRejected.class,
                () -> verify(message, Map.of("signer", rsa, "auth", ec), keyid, detached, faults));
        assertEquals(code, e.code(), e.getMessage());
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

    static String code(SignRequest request, String response) {
        JsonObject json = Json.createReader(new java.io.StringReader(response.replace('\'', '"'))).readObject();
        return assertThrows(AnswerRejected.class, () -> SignedAnswers.verify(request, json, storedKeys)).code();
    }
}
