package org.ratatosk.keys.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;
import org.ratatosk.tokens.control.TestTokens;

/**
 * The answers to TSB's key operation bodies, hostile and valid, byte for byte: status, the
 * contract's code and message, TSB's errorCode and reason, and which fault of several is named.
 * Each case is one body; a valid one is held to its status only, since its answer carries the key.
 */
@ExtendWith(ArquillianExtension.class)
class KeyBodyAnswersIT {

    /** A key that every run has: the answers name it. */
    static final String KEY = "body-answers-rsa";

    /** An AES and an EC key, for parameters that do not fit together. */
    static final String AES = "body-answers-aes";
    static final String EC = "body-answers-ec";

    static String operation;
    static String management;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeAll
    static void keyAndTokens() {
        TestTokens.assumeSoftHsm();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        management = TsbIT.apiKey("it-body-management-" + suffix, "KEY_MANAGEMENT");
        operation = TsbIT.apiKey("it-body-operation-" + suffix, "KEY_OPERATION");
        // Made afresh: a key left by an earlier run on the same database may have lost its material with the token.
        for (JsonObject key : List.of(TsbIT.tsbKey(KEY, "RSA", 2048, null), TsbIT.tsbKey(AES, "AES", 256, null),
                TsbIT.tsbKey(EC, "EC", null, "1.2.840.10045.3.1.7"))) {
            TsbIT.call(management, "POST", "key/deleteKey", Json.createObjectBuilder().add("label", key.getString("label")).build());
            Reply created = TsbIT.call(management, "POST", "key", key);
            assertEquals(200, created.status(), created.toString());
        }
    }

    /** A body sent with the method to the path, by a key operation token unless {@code management}. */
    record Case(boolean management, String method, String path, String body, int status, String answer) {
        @Override
        public String toString() {
            return method + " " + path + " " + body;
        }
    }

    static Case answer(String path, String body, int status, String answer) {
        return new Case(false, "POST", path, body, status, answer);
    }

    static Case accepted(String path, String body) {
        return new Case(false, "POST", path, body, 200, null);
    }

    static Case managing(String method, String path, String body, int status, String answer) {
        return new Case(true, method, path, body, status, answer);
    }

    /** TSB's reason is the contract code in its own spelling: KEY_NOT_FOUND is res.error.key.not.found. */
    static String error(String code, String message, int errorCode) {
        return "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"details\":{},\"errorCode\":" + errorCode
                + ",\"reason\":\"res.error." + code.toLowerCase(Locale.ROOT).replace('_', '.') + "\"}";
    }

    static Stream<Case> blocks() {
        return Stream.of(
                answer("synchronousBlock", "{}", 400, error("INVALID_FIELD", "'blockRequest' is required and must be a JSON object", 400)),
                answer("synchronousBlock", "{\"blockRequest\":null}", 400, error("INVALID_FIELD", "'blockRequest' is required and must be a JSON object", 400)),
                answer("synchronousBlock", "{\"blockRequest\":5}", 400, error("WRONG_TYPE", "'blockRequest' must be a JSON object", 400)),
                answer("synchronousBlock", "{\"blockRequest\":[]}", 400, error("WRONG_TYPE", "'blockRequest' must be a JSON object", 400)),
                answer("synchronousBlock", "{\"blockRequest\":\"" + KEY + "\"}", 400, error("WRONG_TYPE", "'blockRequest' must be a JSON object", 400)),
                answer("synchronousBlock", "{\"unblockRequest\":{\"unblockKeyName\":\"" + KEY + "\"}}", 400, error("INVALID_FIELD", "'blockRequest' is required and must be a JSON object", 400)),
                answer("synchronousBlock", "{\"blockRequest\":{}}", 400, error("INVALID_FIELD", "'blockKeyName' is required", 400)),
                answer("synchronousBlock", "{\"blockRequest\":{\"blockKeyName\":null}}", 400, error("INVALID_FIELD", "'blockKeyName' is required", 400)),
                answer("synchronousBlock", "{\"blockRequest\":{\"blockKeyName\":\"\"}}", 400, error("INVALID_FIELD", "'blockKeyName' is required", 400)),
                answer("synchronousBlock", "{\"blockRequest\":{\"blockKeyName\":5}}", 400, error("WRONG_TYPE", "'blockKeyName' must be a string", 400)),
                answer("synchronousBlock", "{\"blockRequest\":{\"blockKeyName\":[\"" + KEY + "\"]}}", 400, error("WRONG_TYPE", "'blockKeyName' must be a string", 400)),
                answer("synchronousBlock", "{\"blockRequest\":{\"blockKeyName\":\"no-such-key\"}}", 404, error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                answer("synchronousBlock", "{\"blockRequest\":{\"blockKeyName\":\"no-such-key\",\"keyPassword\":5}}", 404, error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                answer("synchronousBlock", "{\"blockRequest\":{\"blockKeyName\":\"" + KEY + "\",\"blockKeyName\":\"" + KEY + "\"}}", 400, error("DUPLICATE_MEMBER", "The request body has the member 'blockKeyName' twice in one object", 400)),
                answer("synchronousBlock", "[]", 400, error("MALFORMED_JSON", "The request body must be a JSON object", 400)),
                accepted("synchronousBlock", "{\"blockRequest\":{\"blockKeyName\":\"" + KEY + "\",\"unknown\":[1]}}"),
                accepted("synchronousUnblock", "{\"unblockRequest\":{\"unblockKeyName\":\"" + KEY + "\"}}"),
                accepted("block", "{\"blockRequest\":{\"blockKeyName\":\"" + KEY + "\"}}"),
                answer("unblock", "{\"blockRequest\":{\"blockKeyName\":\"" + KEY + "\"}}", 400, error("INVALID_FIELD", "'unblockRequest' is required and must be a JSON object", 400)),
                answer("unblock", "{\"unblockRequest\":{\"blockKeyName\":\"" + KEY + "\"}}", 400, error("INVALID_FIELD", "'unblockKeyName' is required", 400)),
                answer("unblock", "{\"unblockRequest\":{\"unblockKeyName\":true}}", 400, error("WRONG_TYPE", "'unblockKeyName' must be a string", 400)),
                accepted("unblock", "{\"unblockRequest\":{\"unblockKeyName\":\"" + KEY + "\"}}"));
    }

    static Stream<Case> certificateImports() {
        String path = "certificate/import/plain";
        return Stream.of(
                answer(path, "{}", 400, error("INVALID_FIELD", "'label' is required", 400)),
                answer(path, "{\"label\":null,\"certificate\":\"AAAA\"}", 400, error("INVALID_FIELD", "'label' is required", 400)),
                answer(path, "{\"label\":\"\",\"certificate\":5}", 400, error("INVALID_FIELD", "'label' is required", 400)),
                answer(path, "{\"label\":5,\"certificate\":5}", 400, error("WRONG_TYPE", "'label' must be a string", 400)),
                answer(path, "{\"label\":{},\"certificate\":\"AAAA\"}", 400, error("WRONG_TYPE", "'label' must be a string", 400)),
                answer(path, "{\"label\":\"" + KEY + "\"}", 400, error("INVALID_FIELD", "'certificate' is required", 400)),
                answer(path, "{\"label\":\"" + KEY + "\",\"certificate\":\"\"}", 400, error("INVALID_FIELD", "'certificate' is required", 400)),
                answer(path, "{\"label\":\"" + KEY + "\",\"certificate\":false}", 400, error("WRONG_TYPE", "'certificate' must be a string", 400)),
                answer(path, "{\"label\":\"no-such-key\",\"certificate\":5}", 400, error("WRONG_TYPE", "'certificate' must be a string", 400)),
                answer(path, "{\"label\":\"\",\"certificate\":\"\"}", 400, error("INVALID_FIELD", "'label' is required", 400)),
                answer(path, "{\"label\":\"no-such-key\",\"certificate\":\"AAAA\"}", 404, error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                answer(path, "{\"label\":\"" + KEY + "\",\"certificate\":\"bm90IGEgY2VydGlmaWNhdGU=\"}", 400,
                        error("INVALID_CERTIFICATE", "'certificate' holds something that is not an X.509 certificate", 400)),
                answer(path, "{\"label\":\"" + KEY + "\",\"certificate\":\"not base64!\",\"other\":1}", 400, error("INVALID_FIELD", "'certificate' is neither PEM nor base64 DER", 400)));
    }

    static Stream<Case> policyChanges() {
        String path = "synchronousModify";
        return Stream.of(
                managing("POST", path, "{}", 400, error("INVALID_FIELD", "'modifyRequest' is required and must be a JSON object", 400)),
                managing("POST", path, "{\"modifyRequest\":\"" + KEY + "\"}", 400, error("WRONG_TYPE", "'modifyRequest' must be a JSON object", 400)),
                managing("POST", path, "{\"modifyRequest\":{}}", 400, error("INVALID_FIELD", "'modifyKeyName' is required", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"keyPassword\":[\"p\"]}}", 400, error("KEY_PASSWORD_UNSUPPORTED", "Keys protected by a password are not supported", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"keyPassword\":\"p\"}}", 400, error("INVALID_FIELD", "'modifyKeyName' is required", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"keyPassword\":[],\"modifyKeyName\":5}}", 400, error("WRONG_TYPE", "'modifyKeyName' must be a string", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"\",\"policy\":5}}", 400, error("INVALID_FIELD", "'modifyKeyName' is required", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"no-such-key\"}}", 404, error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\"}}", 400, error("INVALID_FIELD", "'policy' is required", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":5}}", 400, error("INVALID_POLICY", "'policy' must be an object", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":null}}", 200, null),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":5}}}", 400, error("WRONG_TYPE", "'keyStatus' must be a JSON object", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":[]}}}", 400, error("WRONG_TYPE", "'keyStatus' must be a JSON object", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":\"x\"}}}", 400, error("WRONG_TYPE", "'keyStatus' must be a JSON object", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":true}}}", 400, error("WRONG_TYPE", "'keyStatus' must be a JSON object", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":{\"blocked\":5}}}}", 400, error("WRONG_TYPE", "'blocked' must be true or false", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":{\"blocked\":[]}}}}", 400, error("WRONG_TYPE", "'blocked' must be true or false", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":{\"blocked\":{}}}}}", 400, error("WRONG_TYPE", "'blocked' must be true or false", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":{\"blocked\":\"yes\"}}}}", 400, error("WRONG_TYPE", "'blocked' must be true or false", 400)),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":{\"blocked\":false}}}}", 200, null),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":{\"blocked\":null}}}}", 200, null),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":{}}}}", 200, null),
                managing("POST", path, "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":{\"keyStatus\":null}}}", 200, null),
                managing("POST", "modify", "{\"modifyRequest\":{\"modifyKeyName\":\"" + KEY + "\",\"policy\":null,\"keyPassword\":null}}", 200, null));
    }

    static Stream<Case> attributeChanges() {
        String path = "key/" + KEY + "/attributes";
        return Stream.of(
                managing("PUT", path, "{\"attributes\":5}", 400, error("WRONG_TYPE", "'attributes' must be a JSON object", 400)),
                managing("PUT", path, "{\"attributes\":[]}", 400, error("WRONG_TYPE", "'attributes' must be a JSON object", 400)),
                managing("PUT", "key/no-such-key/attributes", "{\"attributes\":\"x\"}", 400, error("WRONG_TYPE", "'attributes' must be a JSON object", 400)),
                managing("PUT", "key/no-such-key/attributes", "{}", 404, error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                managing("PUT", path, "{\"attributes\":null,\"decrypt\":5}", 400, error("WRONG_TYPE", "'decrypt' must be true or false", 400)),
                managing("PUT", path, "{\"attributes\":{\"decrypt\":\"maybe\"}}", 400, error("WRONG_TYPE", "'decrypt' must be true or false", 400)),
                managing("PUT", path, "{\"attributes\":{\"decrypt\":true},\"decrypt\":5}", 200, null),
                managing("PUT", path, "{\"decrypt\":true}", 200, null));
    }

    static Stream<Case> signatures() {
        String sign = "{\"signRequest\":{\"signKeyName\":\"" + KEY + "\"";
        String verify = "{\"verifySignatureRequest\":{\"signKeyName\":\"" + KEY + "\"";
        return Stream.of(
                answer("synchronousSign", "{}", 400, error("INVALID_FIELD", "'signRequest' is required and must be a JSON object", 400)),
                answer("synchronousSign", "{\"signRequest\":\"x\"}", 400, error("WRONG_TYPE", "'signRequest' must be a JSON object", 400)),
                answer("synchronousSign", "{\"signRequest\":{}}", 400, error("INVALID_FIELD", "'signKeyName' is required", 400)),
                answer("synchronousSign", "{\"signRequest\":{\"signKeyName\":\"\",\"payload\":5}}", 400, error("INVALID_FIELD", "'signKeyName' is required", 400)),
                answer("synchronousSign", "{\"signRequest\":{\"signKeyName\":1}}", 400, error("WRONG_TYPE", "'signKeyName' must be a string", 400)),
                answer("synchronousSign", "{\"signRequest\":{\"signKeyName\":\"no-such-key\",\"signatureAlgorithm\":5}}", 404,
                        error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                answer("synchronousSign", sign + "}}", 400, error("INVALID_FIELD", "'signatureAlgorithm' is required", 400)),
                accepted("synchronousSign", sign + ",\"signatureAlgorithm\":\"SHA256_WITH_RSA\",\"signatureType\":\"DER\",\"payload\":\"AAAA\"}}"),
                answer("synchronousSign", sign + ",\"payloadType\":[]}}", 400, error("WRONG_TYPE", "'payloadType' must be a string", 400)),
                answer("synchronousSign", sign + ",\"payloadType\":{}}}", 400, error("WRONG_TYPE", "'payloadType' must be a string", 400)),
                answer("synchronousSign", sign + ",\"payloadType\":0}}", 400, error("WRONG_TYPE", "'payloadType' must be a string", 400)),
                answer("synchronousSign", sign + ",\"payloadType\":true}}", 400, error("WRONG_TYPE", "'payloadType' must be a string", 400)),
                answer("sign", sign + ",\"payloadType\":1.5,\"signatureAlgorithm\":\"SHA256_WITH_RSA\",\"payload\":\"AAAA\"}}", 400,
                        error("WRONG_TYPE", "'payloadType' must be a string", 400)),
                accepted("synchronousSign", sign + ",\"signatureAlgorithm\":\"SHA256_WITH_RSA\",\"payloadType\":\"UNSPECIFIED\",\"payload\":\"AAAA\"}}"),
                accepted("synchronousSign", sign + ",\"signatureAlgorithm\":\"SHA256_WITH_RSA\",\"payloadType\":null,\"payload\":\"AAAA\"}}"),
                answer("sign", "{\"signRequest\":null}", 400, error("INVALID_FIELD", "'signRequest' is required and must be a JSON object", 400)),
                answer("sign", "{\"signRequest\":{\"signKeyName\":[]}}", 400, error("WRONG_TYPE", "'signKeyName' must be a string", 400)),
                answer("sign", sign + ",\"signatureAlgorithm\":\"\"}}", 400, error("INVALID_FIELD", "'signatureAlgorithm' is required", 400)),
                accepted("sign", sign + ",\"signatureAlgorithm\":\"SHA256_WITH_RSA\",\"payload\":\"AAAA\"}}"),
                answer("verify", "{\"signRequest\":{}}", 400, error("INVALID_FIELD", "'verifySignatureRequest' is required and must be a JSON object", 400)),
                answer("verify", "{\"verifySignatureRequest\":5}", 400, error("WRONG_TYPE", "'verifySignatureRequest' must be a JSON object", 400)),
                answer("verify", "{\"verifySignatureRequest\":{\"verifyKeyName\":\"" + KEY + "\"}}", 400, error("INVALID_FIELD", "'signKeyName' is required", 400)),
                answer("verify", "{\"verifySignatureRequest\":{\"signKeyName\":false}}", 400, error("WRONG_TYPE", "'signKeyName' must be a string", 400)),
                answer("verify", "{\"verifySignatureRequest\":{\"signKeyName\":\"no-such-key\",\"payload\":1}}", 404,
                        error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                answer("verify", verify + "}}", 400, error("INVALID_FIELD", "'signatureAlgorithm' is required", 400)),
                accepted("verify", verify + ",\"signatureAlgorithm\":\"SHA256_WITH_RSA\",\"payload\":\"AAAA\",\"signature\":\"AAAA\"}}"));
    }

    @ParameterizedTest
    @MethodSource("signatures")
    void signatureBodiesAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    /** Up to the request object; what it holds is held to the keys, and TsbIT wraps and unwraps with them. */
    static Stream<Case> wraps() {
        return Stream.of(
                answer("wrap", "{}", 400, error("INVALID_FIELD", "'wrapKeyRequest' is required and must be a JSON object", 400)),
                answer("wrap", "{\"wrapKeyRequest\":1}", 400, error("WRONG_TYPE", "'wrapKeyRequest' must be a JSON object", 400)),
                answer("wrap", "{\"unwrapKeyRequest\":{}}", 400, error("INVALID_FIELD", "'wrapKeyRequest' is required and must be a JSON object", 400)),
                answer("wrap", "{\"wrapKeyRequest\":{}}", 400, error("INVALID_FIELD", "'wrapMethod' is required", 400)),
                answer("wrap", "{\"wrapKeyRequest\":{\"wrapMethod\":5,\"wrapKeyPassword\":[\"p\"]}}", 400,
                        error("KEY_PASSWORD_UNSUPPORTED", "Keys protected by a password are not supported", 400)),
                answer("synchronousUnwrap", "{}", 400, error("INVALID_FIELD", "'unwrapKeyRequest' is required and must be a JSON object", 400)),
                answer("synchronousUnwrap", "{\"unwrapKeyRequest\":[]}", 400, error("WRONG_TYPE", "'unwrapKeyRequest' must be a JSON object", 400)),
                answer("synchronousUnwrap", "{\"unwrapKeyRequest\":{}}", 400, error("INVALID_FIELD", "'wrapMethod' is required", 400)),
                answer("unwrap", "{\"unwrapKeyRequest\":null}", 400, error("INVALID_FIELD", "'unwrapKeyRequest' is required and must be a JSON object", 400)),
                answer("unwrap", "{\"unwrapKeyRequest\":\"x\"}", 400, error("WRONG_TYPE", "'unwrapKeyRequest' must be a JSON object", 400)),
                answer("unwrap", "{\"unwrapKeyRequest\":{\"wrapMethod\":[]}}", 400, error("WRONG_TYPE", "'wrapMethod' must be a string", 400)));
    }

    @ParameterizedTest
    @MethodSource("wraps")
    void wrapBodiesAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    /** What a wrap request holds, in the order it is checked: the method, the wrapping key, the key wrapped. */
    static Stream<Case> wrapFields() {
        String head = "{'wrapKeyRequest':{";
        return Stream.of(
                answer("wrap", (head + "'wrapMethod':5,'wrapKeyName':5}}").replace('\'', '"'), 400, error("WRONG_TYPE", "'wrapMethod' must be a string", 400)),
                answer("wrap", (head + "'wrapMethod':'BOGUS','wrapKeyName':5}}").replace('\'', '"'), 400, error("UNSUPPORTED_WRAP_METHOD",
                        "'wrapMethod' must be one of [AES_WRAP, AES_WRAP_PAD, AES_WRAP_RSA, AES_WRAP_EC, AES_WRAP_PAD_RSA, AES_WRAP_PAD_EC, "
                                + "RSA_WRAP_PAD, RSA_WRAP_OAEP]", 400)),
                answer("wrap", (head + "'wrapMethod':'aes_wrap_dsa'}}").replace('\'', '"'), 400, error("UNSUPPORTED_WRAP_METHOD",
                        "'aes_wrap_dsa' wraps a key of an algorithm this server does not hold; it wraps AES, RSA and EC keys", 400)),
                answer("wrap", (head + "'wrapMethod':'AES_WRAP','keyToBeWrapped':5}}").replace('\'', '"'), 400, error("INVALID_FIELD", "'wrapKeyName' is required", 400)),
                answer("wrap", (head + "'wrapMethod':'AES_WRAP','wrapKeyName':5}}").replace('\'', '"'), 400, error("WRONG_TYPE", "'wrapKeyName' must be a string", 400)),
                answer("wrap", (head + "'wrapMethod':'AES_WRAP','wrapKeyName':'no-such-key','keyToBeWrapped':5}}").replace('\'', '"'), 404,
                        error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                answer("wrap", (head + "'wrapMethod':'AES_WRAP','wrapKeyName':'" + AES + "'}}").replace('\'', '"'), 400,
                        error("INVALID_FIELD", "'keyToBeWrapped' is required", 400)),
                answer("wrap", (head + "'wrapMethod':'AES_WRAP','wrapKeyName':'" + AES + "','keyToBeWrapped':[]}}").replace('\'', '"'), 400,
                        error("WRONG_TYPE", "'keyToBeWrapped' must be a string", 400)),
                answer("wrap", (head + "'wrapMethod':'AES_WRAP','wrapKeyName':'" + AES + "','keyToBeWrapped':'no-such-key'}}").replace('\'', '"'), 404,
                        error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                answer("wrap", (head + "'wrapMethod':'AES_WRAP','wrapKeyName':'" + AES + "','keyToBeWrapped':'" + KEY + "'}}").replace('\'', '"'), 400,
                        error("UNSUPPORTED_WRAP_METHOD", "Key '" + KEY + "' is RSA; AES_WRAP wraps AES keys", 400)));
    }

    @ParameterizedTest
    @MethodSource("wrapFields")
    void wrapFieldsAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    /** An unwrap request object, its quotes written as apostrophes. */
    static String unwrapping(String members) {
        return ("{'unwrapKeyRequest':{" + members + "}}").replace('\'', '"');
    }

    /** What an unwrap request holds, in the order it is checked: the request, then the unwrapping key. */
    static Stream<Case> unwraps() {
        String head = "'wrapMethod':'AES_WRAP','label':'body-answers-unwrapped','wrappedKey':'AAAA'";
        String label = "'label' must be 1 to 128 letters, digits or . _ @ : - and start with a letter or digit";
        return Stream.of(
                answer("synchronousUnwrap", unwrapping("'unwrapKeyPassword':['p'],'wrapMethod':5"), 400,
                        error("KEY_PASSWORD_UNSUPPORTED", "Keys protected by a password are not supported", 400)),
                answer("synchronousUnwrap", unwrapping("'wrapMethod':'','label':5"), 400, error("INVALID_FIELD", "'wrapMethod' is required", 400)),
                answer("synchronousUnwrap", unwrapping("'wrapMethod':'BOGUS','label':5"), 400, error("UNSUPPORTED_WRAP_METHOD",
                        "'wrapMethod' must be one of [AES_WRAP, AES_WRAP_PAD, AES_WRAP_RSA, AES_WRAP_EC, AES_WRAP_PAD_RSA, AES_WRAP_PAD_EC, "
                                + "RSA_WRAP_PAD, RSA_WRAP_OAEP]", 400)),
                answer("synchronousUnwrap", unwrapping("'wrapMethod':'aes_wrap','unwrapKeyPassword':[]"), 400, error("INVALID_FIELD", "'label' is required", 400)),
                answer("synchronousUnwrap", unwrapping("'wrapMethod':'AES_WRAP','label':5,'wrappedKey':5"), 400, error("WRONG_TYPE", "'label' must be a string", 400)),
                answer("synchronousUnwrap", unwrapping("'wrapMethod':'AES_WRAP','label':'-bad','wrappedKey':5"), 400, error("INVALID_LABEL", label, 400)),
                answer("synchronousUnwrap", unwrapping("'wrapMethod':'AES_WRAP','label':'ok'"), 400, error("INVALID_FIELD", "'wrappedKey' is required", 400)),
                answer("synchronousUnwrap", unwrapping("'wrapMethod':'AES_WRAP','label':'ok','wrappedKey':5,'attributes':5"), 400,
                        error("WRONG_TYPE", "'wrappedKey' must be a string", 400)),
                answer("synchronousUnwrap", unwrapping("'wrapMethod':'AES_WRAP','label':'ok','wrappedKey':'***','attributes':5"), 400,
                        error("INVALID_FIELD", "'wrappedKey' must be base64", 400)),
                answer("synchronousUnwrap", unwrapping(head + ",'attributes':5,'policy':5"), 400, error("WRONG_TYPE", "'attributes' must be a JSON object", 400)),
                answer("synchronousUnwrap", unwrapping(head + ",'attributes':{'sign':'maybe'},'policy':5"), 400,
                        error("WRONG_TYPE", "'sign' must be true or false", 400)),
                answer("synchronousUnwrap", unwrapping(head + ",'policy':5,'unwrapKeyName':5"), 400, error("INVALID_POLICY", "'policy' must be an object", 400)),
                answer("synchronousUnwrap", unwrapping(head), 400, error("INVALID_FIELD", "'unwrapKeyName' is required", 400)),
                answer("synchronousUnwrap", unwrapping(head + ",'unwrapKeyName':5"), 400, error("WRONG_TYPE", "'unwrapKeyName' must be a string", 400)),
                answer("synchronousUnwrap", unwrapping(head + ",'attributes':null,'policy':null,'unwrapKeyPassword':5,'unwrapKeyName':'no-such-key'"), 404,
                        error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                answer("unwrap", unwrapping("'wrapMethod':'AES_WRAP','label':'-bad'"), 400, error("INVALID_LABEL", label, 400)),
                answer("unwrap", unwrapping(head + ",'attributes':[]"), 400, error("WRONG_TYPE", "'attributes' must be a JSON object", 400)),
                answer("unwrap", unwrapping(head + ",'unwrapKeyName':'no-such-key'"), 404, error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)));
    }

    @ParameterizedTest
    @MethodSource("unwraps")
    void unwrapRequestsAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    /** A new key's body, in the order it is checked; no case creates a key. */
    static Stream<Case> creations() {
        String label = "'label' must be 1 to 128 letters, digits or . _ @ : - and start with a letter or digit";
        String fresh = "\"label\":\"body-answers-never\"";
        return Stream.of(
                managing("POST", "key", "{}", 400, error("INVALID_FIELD", "'label' is required", 400)),
                managing("POST", "key", "{\"label\":\"\",\"algorithm\":5}", 400, error("INVALID_FIELD", "'label' is required", 400)),
                managing("POST", "key", "{\"label\":5,\"algorithm\":5}", 400, error("WRONG_TYPE", "'label' must be a string", 400)),
                managing("POST", "key", "{\"label\":\"-bad\",\"algorithm\":5}", 400, error("INVALID_LABEL", label, 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":5}", 400, error("WRONG_TYPE", "'algorithm' must be a string", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"DSA\",\"keySize\":\"x\"}", 400,
                        error("WRONG_TYPE", "'keySize' must be a whole number", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"EC\",\"keySize\":\"x\",\"curveOid\":5}", 400,
                        error("WRONG_TYPE", "'keySize' must be a whole number", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"DSA\",\"curveOid\":5}", 400,
                        error("INVALID_ALGORITHM", "'algorithm' must be RSA, EC or AES", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"rsa\",\"keySize\":1024,\"attributes\":5}", 400,
                        error("INVALID_KEY_SIZE", "RSA keySize must be 2048, 3072 or 4096", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":null,\"keySize\":\"1024\"}", 400,
                        error("INVALID_KEY_SIZE", "RSA keySize must be 2048, 3072 or 4096", 400)),
                // a size beyond an int is refused, not wrapped round onto one of the sizes allowed
                managing("POST", "key", "{" + fresh + ",\"keySize\":4294969344}", 400,
                        error("INVALID_KEY_SIZE", "RSA keySize must be 2048, 3072 or 4096", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"RSA\",\"keySize\":\"-4294963200\"}", 400,
                        error("INVALID_KEY_SIZE", "RSA keySize must be 2048, 3072 or 4096", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"AES\",\"keySize\":-4294967040}", 400,
                        error("INVALID_KEY_SIZE", "AES keySize must be 128, 192 or 256", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"AES\",\"keySize\":9223372036854775807}", 400,
                        error("INVALID_KEY_SIZE", "AES keySize must be 128, 192 or 256", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"RSA\",\"curveOid\":5,\"attributes\":5}", 400,
                        error("WRONG_TYPE", "'attributes' must be a JSON object", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"EC\",\"curveOid\":5,\"attributes\":5}", 400,
                        error("WRONG_TYPE", "'curveOid' must be a string", 400)),
                // the message lists the curves in no fixed order
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"EC\",\"curveOid\":\"1.2.3\",\"attributes\":5}", 400, null),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"AES\",\"keySize\":100,\"attributes\":5}", 400,
                        error("INVALID_KEY_SIZE", "AES keySize must be 128, 192 or 256", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"AES\",\"attributes\":{\"sign\":\"x\"},\"policy\":5}", 400,
                        error("WRONG_TYPE", "'sign' must be true or false", 400)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"AES\",\"policy\":5,\"password\":[\"p\"]}", 400,
                        error("INVALID_POLICY", "'policy' must be an object", 400)),
                managing("POST", "key", "{\"label\":\"" + KEY + "\",\"algorithm\":\"AES\",\"policy\":5}", 400,
                        error("INVALID_POLICY", "'policy' must be an object", 400)),
                managing("POST", "key", "{\"label\":\"" + KEY + "\",\"password\":[\"p\"]}", 409,
                        error("KEY_EXISTS", "A key labelled '" + KEY + "' already exists", 632)),
                managing("POST", "key", "{" + fresh + ",\"algorithm\":\"AES\",\"policy\":null,\"password\":[\"p\"]}", 400,
                        error("KEY_PASSWORD_UNSUPPORTED", "Keys protected by a password are not supported", 400)));
    }

    /** What a sign or verify request holds beyond its key, in the order it is checked against the key. */
    static Stream<Case> signingFields() {
        String sign = "{\"signRequest\":{\"signKeyName\":\"" + KEY + "\"";
        String verify = "{\"verifySignatureRequest\":{\"signKeyName\":\"" + KEY + "\",\"signatureAlgorithm\":\"SHA256_WITH_RSA\"";
        String rsa = ",\"signatureAlgorithm\":\"SHA256_WITH_RSA\"";
        return Stream.of(
                answer("synchronousSign", sign + ",\"signatureAlgorithm\":5,\"payload\":5}}", 400,
                        error("WRONG_TYPE", "'signatureAlgorithm' must be a string", 400)),
                answer("synchronousSign", sign + ",\"signatureAlgorithm\":\"BOGUS\",\"signatureType\":5}}", 400, error("UNSUPPORTED_SIGNATURE_ALGORITHM",
                        "Signature algorithm 'BOGUS' is not supported; RSA, RSA_PSS and ECDSA with SHA-1, SHA-2, SHA-3 or Keccak digests are", 400)),
                answer("synchronousSign", sign + ",\"signatureAlgorithm\":\"sha256_with_ecdsa\",\"signatureType\":5}}", 400,
                        error("UNSUPPORTED_SIGNATURE_ALGORITHM", "Signature algorithm 'SHA256_WITH_ECDSA' does not fit a RSA key", 400)),
                answer("synchronousSign", sign + rsa + ",\"signatureType\":5,\"payload\":5}}", 400, error("WRONG_TYPE", "'signatureType' must be a string", 400)),
                answer("synchronousSign", sign + rsa + ",\"signatureType\":\"PEM\",\"payload\":5}}", 400,
                        error("UNSUPPORTED_SIGNATURE_TYPE", "signatureType must be DER or RAW", 400)),
                answer("synchronousSign", sign + rsa + ",\"signatureType\":\"raw\"}}", 400, error("INVALID_FIELD", "'payload' is required", 400)),
                answer("synchronousSign", sign + rsa + ",\"payload\":\"\"}}", 400, error("INVALID_FIELD", "'payload' is required", 400)),
                answer("synchronousSign", sign + rsa + ",\"payload\":5}}", 400, error("WRONG_TYPE", "'payload' must be a string", 400)),
                answer("synchronousSign", sign + rsa + ",\"payload\":\"***\"}}", 400, error("INVALID_FIELD", "'payload' must be base64", 400)),
                accepted("synchronousSign", sign + rsa + ",\"signatureType\":\"raw\",\"payload\":\"AAAA\"}}"),
                answer("sign", sign + rsa + ",\"signatureType\":[],\"payload\":\"AAAA\"}}", 400, error("WRONG_TYPE", "'signatureType' must be a string", 400)),
                answer("sign", sign + rsa + ",\"payload\":\"***\"}}", 400, error("INVALID_FIELD", "'payload' must be base64", 400)),
                answer("verify", verify + ",\"payload\":\"***\",\"signature\":5}}", 400, error("INVALID_FIELD", "'payload' must be base64", 400)),
                answer("verify", verify + ",\"payload\":\"AAAA\"}}", 400, error("INVALID_FIELD", "'signature' is required", 400)),
                answer("verify", verify + ",\"payload\":\"AAAA\",\"signature\":5}}", 400, error("WRONG_TYPE", "'signature' must be a string", 400)),
                answer("verify", verify + ",\"payload\":\"AAAA\",\"signature\":\"***\"}}", 400, error("INVALID_FIELD", "'signature' must be base64", 400)),
                accepted("verify", verify + ",\"signatureType\":5,\"payload\":\"AAAA\",\"signature\":\"AAAA\"}}"));
    }

    @ParameterizedTest
    @MethodSource("signingFields")
    void signingFieldsAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    @ParameterizedTest
    @MethodSource("creations")
    void newKeyBodiesAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    /** The bodies that name a key or carry a certificate, whose field is checked before the key is looked up. */
    static Stream<Case> namings() {
        String missing = error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630);
        return Stream.of(
                managing("POST", "key/attributes", "{}", 400, error("INVALID_FIELD", "'label' is required", 400)),
                managing("POST", "key/attributes", "{\"label\":\"\"}", 400, error("INVALID_FIELD", "'label' is required", 400)),
                managing("POST", "key/attributes", "{\"label\":5}", 400, error("WRONG_TYPE", "'label' must be a string", 400)),
                managing("POST", "key/attributes", "{\"label\":\"no-such-key\",\"other\":5}", 404, missing),
                managing("POST", "key/deleteKey", "{\"label\":null}", 400, error("INVALID_FIELD", "'label' is required", 400)),
                managing("POST", "key/deleteKey", "{\"label\":[]}", 400, error("WRONG_TYPE", "'label' must be a string", 400)),
                managing("POST", "key/deleteKey", "{\"label\":\"no-such-key\"}", 404, missing),
                managing("PUT", "key/no-such-key/certificate", "{}", 400, error("INVALID_FIELD", "'certificate' is required", 400)),
                managing("PUT", "key/no-such-key/certificate", "{\"certificate\":\"\"}", 400, error("INVALID_FIELD", "'certificate' is required", 400)),
                managing("PUT", "key/no-such-key/certificate", "{\"certificate\":5}", 400, error("WRONG_TYPE", "'certificate' must be a string", 400)),
                managing("PUT", "key/no-such-key/certificate", "{\"certificate\":\"x\"}", 404, missing));
    }

    @ParameterizedTest
    @MethodSource("namings")
    void bodiesNamingAKeyAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    /**
     * The certificate calls, on the EC key, which no other case here blocks or changes: the request
     * object, the key it names, the profile, the key's signature algorithm, then the subject or CSR.
     */
    static Stream<Case> certificateOperations() {
        String csr = "{\"csrSignRequest\":{\"signKeyName\":\"" + EC + "\"";
        String sign = "{\"signCertificateRequest\":{\"signKeyName\":\"" + EC + "\"";
        String self = "{\"selfSignCertificateRequest\":{\"signKeyName\":\"" + EC + "\"";
        String flat = "{\"signKeyName\":\"" + EC + "\"";
        String missing = error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630);
        String attributes = error("INVALID_FIELD", "'standardCertificateAttributes' is required and must be a JSON object", 400);
        String validity = error("INVALID_FIELD", "'validity' must be a number of days from 1 to 36500", 400);
        return Stream.of(
                answer("certificate/request", "{}", 400, error("INVALID_FIELD", "'csrSignRequest' is required and must be a JSON object", 400)),
                answer("certificate/request", "{\"csrSignRequest\":null}", 400, error("INVALID_FIELD", "'csrSignRequest' is required and must be a JSON object", 400)),
                answer("certificate/request", "{\"csrSignRequest\":5}", 400, error("WRONG_TYPE", "'csrSignRequest' must be a JSON object", 400)),
                answer("certificate/request", sign + "}}", 400, error("INVALID_FIELD", "'csrSignRequest' is required and must be a JSON object", 400)),
                answer("certificate/request", "[]", 400, error("MALFORMED_JSON", "The request body must be a JSON object", 400)),
                answer("certificate/request", "{\"csrSignRequest\":{}}", 400, error("INVALID_FIELD", "'signKeyName' is required", 400)),
                answer("certificate/request", "{\"csrSignRequest\":{\"signKeyName\":\"\"}}", 400, error("INVALID_FIELD", "'signKeyName' is required", 400)),
                answer("certificate/request", "{\"csrSignRequest\":{\"signKeyName\":[\"x\"]}}", 400, error("WRONG_TYPE", "'signKeyName' must be a string", 400)),
                answer("certificate/request", "{\"csrSignRequest\":{\"signKeyName\":\"no-such-key\",\"validity\":\"x\",\"commonName\":5}}", 404, missing),
                answer("certificate/request", csr + "}}", 400, attributes),
                answer("certificate/request", csr + ",\"validity\":0,\"commonName\":5}}", 400, validity),
                answer("certificate/request", csr + ",\"keyUsage\":[5],\"standardCertificateAttributes\":5}}", 400,
                        error("INVALID_FIELD", "'keyUsage' must be an array of strings", 400)),
                answer("certificate/request", csr + ",\"signatureAlgorithm\":\"SHA256_WITH_RSA\",\"standardCertificateAttributes\":{}}}", 400,
                        error("INVALID_FIELD", "signatureAlgorithm SHA256withRSA does not fit a EC key", 400)),
                answer("certificate/request", csr + ",\"standardCertificateAttributes\":{\"country\":\"Sweden\",\"commonName\":5}}}", 400,
                        error("INVALID_FIELD", "'country' is not a valid value", 400)),
                answer("certificate/request", csr + ",\"standardCertificateAttributes\":{}}}", 400,
                        error("INVALID_FIELD", "'standardCertificateAttributes' needs at least a commonName", 400)),
                accepted("certificate/request", csr + ",\"commonName\":\"x\",\"unknown\":[1]}}"),
                accepted("certificate/request", csr + ",\"standardCertificateAttributes\":{\"commonName\":\"x\"},\"validity\":\"30\",\"keyUsage\":[\"digital_signature\"]}}"),
                answer("certificate/sign", "{}", 400, error("INVALID_FIELD", "'signCertificateRequest' is required and must be a JSON object", 400)),
                answer("certificate/sign", "{\"signCertificateRequest\":[]}", 400, error("WRONG_TYPE", "'signCertificateRequest' must be a JSON object", 400)),
                answer("certificate/sign", sign + "}}", 400, error("INVALID_FIELD", "'csr' is required", 400)),
                answer("certificate/sign", sign + ",\"certificateSigningRequest\":5,\"csr\":\"x\"}}", 400, error("WRONG_TYPE", "'certificateSigningRequest' must be a string", 400)),
                answer("certificate/sign", sign + ",\"certificateSigningRequest\":null}}", 400, error("INVALID_FIELD", "'certificateSigningRequest' is required", 400)),
                answer("certificate/sign", sign + ",\"basicConstraints\":{\"pathLenConstraint\":17},\"csr\":5}}", 400,
                        error("INVALID_FIELD", "'pathLenConstraint' must be between 0 and 16", 400)),
                answer("certificate/selfsign", "{\"selfSignCertificateRequest\":\"x\"}", 400, error("WRONG_TYPE", "'selfSignCertificateRequest' must be a JSON object", 400)),
                answer("certificate/selfsign", self + ",\"commonName\":\"x\"}}", 400, validity),
                answer("certificate/selfsign", self + ",\"validity\":10}}", 400, attributes),
                answer("certificate/selfsign", "{\"selfSignCertificateRequest\":{\"signKeyName\":5,\"validity\":0}}", 400, error("WRONG_TYPE", "'signKeyName' must be a string", 400)),
                answer("certificate/synchronous/request", "{}", 400, error("INVALID_FIELD", "'signKeyName' is required", 400)),
                answer("certificate/synchronous/request", "{\"signKeyName\":5}", 400, error("WRONG_TYPE", "'signKeyName' must be a string", 400)),
                answer("certificate/synchronous/request", "{\"signKeyName\":\"no-such-key\",\"validity\":0}", 404, missing),
                answer("certificate/synchronous/request", flat + "}", 400, attributes),
                answer("certificate/synchronous/request", csr + "}}", 400, error("INVALID_FIELD", "'signKeyName' is required", 400)),
                accepted("certificate/synchronous/request", flat + ",\"commonName\":\"x\"}"),
                answer("certificate/synchronous/sign", flat + ",\"certificateSigningRequest\":\"\"}", 400, error("INVALID_FIELD", "'certificateSigningRequest' is required", 400)),
                answer("certificate/synchronous/sign", flat + ",\"extendedKeyUsage\":\"x\",\"csr\":5}", 400, error("WRONG_TYPE", "'extendedKeyUsage' must be an array", 400)),
                answer("certificate/synchronous/selfsign", flat + ",\"validity\":\"abc\"}", 400, error("WRONG_TYPE", "'validity' must be a whole number", 400)),
                answer("certificate/synchronous/selfsign", flat + ",\"validity\":1,\"standardCertificateAttributes\":{\"title\":true}}", 400,
                        error("WRONG_TYPE", "'title' must be a string", 400)),
                answer("certificate/synchronous/selfsign", flat + ",\"validity\":1,\"signatureAlgorithm\":\"SHA512_WITH_RSA\"}", 400,
                        error("INVALID_FIELD", "signatureAlgorithm SHA512withRSA does not fit a EC key", 400)));
    }

    @ParameterizedTest
    @MethodSource("certificateOperations")
    void certificateOperationBodiesAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    static Stream<Case> ciphers() {
        String encrypt = "{\"encryptRequest\":{\"encryptKeyName\":\"" + KEY + "\"";
        String decrypt = "{\"decryptRequest\":{\"decryptKeyName\":\"" + KEY + "\"";
        return Stream.of(
                answer("encrypt", "{}", 400, error("INVALID_FIELD", "'encryptRequest' is required and must be a JSON object", 400)),
                answer("encrypt", "{\"encryptRequest\":[]}", 400, error("WRONG_TYPE", "'encryptRequest' must be a JSON object", 400)),
                answer("encrypt", "{\"encryptRequest\":{}}", 400, error("INVALID_FIELD", "'encryptKeyName' is required", 400)),
                answer("encrypt", "{\"encryptRequest\":{\"encryptKeyName\":5}}", 400, error("WRONG_TYPE", "'encryptKeyName' must be a string", 400)),
                answer("encrypt", "{\"encryptRequest\":{\"encryptKeyName\":\"no-such-key\",\"cipherAlgorithm\":5}}", 404,
                        error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                answer("encrypt", encrypt + "}}", 400, error("INVALID_FIELD", "'cipherAlgorithm' is required", 400)),
                answer("encrypt", encrypt + ",\"cipherAlgorithm\":\"\",\"payload\":5}}", 400, error("INVALID_FIELD", "'cipherAlgorithm' is required", 400)),
                answer("encrypt", encrypt + ",\"cipherAlgorithm\":5,\"payload\":\"AAAA\"}}", 400, error("WRONG_TYPE", "'cipherAlgorithm' must be a string", 400)),
                answer("encrypt", encrypt + ",\"cipherAlgorithm\":\"RSA\"}}", 400, error("INVALID_FIELD", "'payload' is required", 400)),
                answer("encrypt", encrypt + ",\"cipherAlgorithm\":\"RSA\",\"payload\":[]}}", 400, error("WRONG_TYPE", "'payload' must be a string", 400)),
                answer("encrypt", encrypt + ",\"cipherAlgorithm\":\"BOGUS\",\"payload\":\"!!\"}}", 400, error("INVALID_FIELD", "'payload' must be base64", 400)),
                answer("encrypt", encrypt + ",\"cipherAlgorithm\":\"BOGUS\",\"payload\":\"AAAA\"}}", 400, error("UNSUPPORTED_CIPHER_ALGORITHM", "Cipher algorithm 'BOGUS' is not supported for RSA keys", 400)),
                accepted("encrypt", encrypt + ",\"cipherAlgorithm\":\"rsa_padding_oaep_with_sha256\",\"payload\":\"AAAA\"}}"),
                accepted("encrypt", encrypt + ",\"cipherAlgorithm\":\"RSA\",\"payload\":\"AAAA\",\"tagLength\":\"x\",\"initializationVector\":5}}"),
                answer("synchronousDecrypt", "{}", 400, error("INVALID_FIELD", "'decryptRequest' is required and must be a JSON object", 400)),
                answer("synchronousDecrypt", "{\"decryptRequest\":{\"decryptKeyName\":\"\"}}", 400, error("INVALID_FIELD", "'decryptKeyName' is required", 400)),
                answer("synchronousDecrypt", "{\"decryptRequest\":{\"decryptKeyName\":\"no-such-key\"}}", 404,
                        error("KEY_NOT_FOUND", "No key labelled 'no-such-key'", 630)),
                answer("synchronousDecrypt", decrypt + "}}", 400, error("INVALID_FIELD", "'cipherAlgorithm' is required", 400)),
                answer("synchronousDecrypt", decrypt + ",\"cipherAlgorithm\":true,\"encryptedPayload\":5}}", 400, error("WRONG_TYPE", "'cipherAlgorithm' must be a string", 400)),
                answer("synchronousDecrypt", decrypt + ",\"cipherAlgorithm\":\"RSA\"}}", 400, error("INVALID_FIELD", "'encryptedPayload' is required", 400)),
                answer("synchronousDecrypt", decrypt + ",\"cipherAlgorithm\":\"RSA\",\"encryptedPayload\":5}}", 400, error("WRONG_TYPE", "'encryptedPayload' must be a string", 400)),
                answer("synchronousDecrypt", decrypt + ",\"cipherAlgorithm\":\"BOGUS\",\"encryptedPayload\":\"%%\"}}", 400, error("INVALID_FIELD", "'encryptedPayload' must be base64", 400)),
                answer("synchronousDecrypt", decrypt + ",\"cipherAlgorithm\":\"BOGUS\",\"encryptedPayload\":\"AAAA\"}}", 400, error("UNSUPPORTED_CIPHER_ALGORITHM", "Cipher algorithm 'BOGUS' is not supported for RSA keys", 400)));
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void cipherBodiesAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    @ParameterizedTest
    @MethodSource("policyChanges")
    void policyChangeBodiesAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    @ParameterizedTest
    @MethodSource("attributeChanges")
    void attributeChangeBodiesAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    @ParameterizedTest
    @MethodSource("blocks")
    void blockAndUnblockBodiesAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    @ParameterizedTest
    @MethodSource("certificateImports")
    void certificateImportBodiesAreAnsweredAsBefore(Case c) {
        assertAnswer(c);
    }

    /** A request the REST resources never see as their own: a wrong media type, method or path, or a body too large. */
    record Refusal(String method, String path, String contentType, String body, int status, String answer) {
        @Override
        public String toString() {
            return method + " " + path + " " + contentType + " " + (body.length() > 40 ? body.length() + " bytes" : body);
        }
    }

    static Stream<Refusal> refusals() {
        String tooLarge = "{\"signRequest\":{\"payload\":\"" + "A".repeat(1024 * 1024) + "\"}}";
        String plain = "{\"code\":\"NOT_FOUND\",\"message\":\"No such resource\",\"details\":{}}";
        return Stream.of(
                new Refusal("POST", "v1/synchronousSign", "text/plain", "{}", 415,
                        error("UNSUPPORTED_MEDIA_TYPE", "Unsupported media type; send application/json", 415)),
                new Refusal("POST", "v1/synchronousSign", "application/json", tooLarge, 413,
                        error("PAYLOAD_TOO_LARGE", "Request body exceeds 1048576 bytes", 413)),
                new Refusal("POST", "v1/nothing", "application/json", "{}", 404, error("NOT_FOUND", "No such resource", 404)),
                new Refusal("GET", "v1/nothing/at/all", "application/json", "", 404, error("NOT_FOUND", "No such resource", 404)),
                new Refusal("PUT", "v1/synchronousSign", "application/json", "{}", 405,
                        error("METHOD_NOT_ALLOWED", "Method not allowed on this resource", 405)),
                new Refusal("POST", "v1nothing", "application/json", "{}", 404, plain),
                new Refusal("POST", "nothing/v1/synchronousSign", "application/json", "{}", 404, plain));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusalsUnderTsbsRootCarryItsErrorCodeAndReason(Refusal r) {
        Reply reply = Server.send(Server.request("/hermod/rest/" + r.path()).header("Content-Type", r.contentType())
                .header("X-API-KEY", operation)
                .method(r.method(), HttpRequest.BodyPublishers.ofString(r.body())));
        assertEquals(r.status() + " " + r.answer(), reply.status() + " " + reply.raw());
    }

    static String bytes(int length) {
        return Base64.getEncoder().encodeToString(new byte[length]);
    }

    /**
     * Well-formed requests whose cryptographic parameters do not fit together: additional data for
     * a mode that cannot authenticate it, a GCM ciphertext shorter than its tag, a raw digest longer
     * than the key's primitive takes. Each is the client's mistake, answered with a 400 that says which.
     */
    static Stream<Case> faults() {
        String iv16 = bytes(16);
        return Stream.of(
                answer("synchronousDecrypt", "{\"decryptRequest\":{\"encryptedPayload\":\"" + iv16 + "\",\"decryptKeyName\":\"" + AES
                        + "\",\"cipherAlgorithm\":\"AES_CBC_NO_PADDING\",\"initializationVector\":\"" + iv16
                        + "\",\"additionalAuthenticationData\":\"AQID\"}}", 400, error("INVALID_FIELD",
                        "'additionalAuthenticationData' is only authenticated by AES_GCM, not by AES_CBC_NO_PADDING", 400)),
                answer("encrypt", "{\"encryptRequest\":{\"payload\":\"" + iv16 + "\",\"encryptKeyName\":\"" + AES
                        + "\",\"cipherAlgorithm\":\"AES_ECB\",\"additionalAuthenticationData\":\"AQID\"}}", 400, error("INVALID_FIELD",
                        "'additionalAuthenticationData' is only authenticated by AES_GCM, not by AES_ECB", 400)),
                answer("encrypt", "{\"encryptRequest\":{\"payload\":\"" + iv16 + "\",\"encryptKeyName\":\"" + AES
                        + "\",\"cipherAlgorithm\":\"AES_CTR\",\"additionalAuthenticationData\":\"AQID\"}}", 400, error("INVALID_FIELD",
                        "'additionalAuthenticationData' is only authenticated by AES_GCM, not by AES_CTR", 400)),
                answer("synchronousDecrypt", "{\"decryptRequest\":{\"encryptedPayload\":\"AA==\",\"decryptKeyName\":\"" + AES
                        + "\",\"cipherAlgorithm\":\"AES_GCM\",\"initializationVector\":\"" + bytes(12) + "\",\"tagLength\":128}}",
                        400, error("DECRYPTION_FAILED", "The data cannot be decrypted with key '" + AES
                        + "': it is shorter than its 128-bit authentication tag", 400)),
                answer("synchronousDecrypt", "{\"decryptRequest\":{\"encryptedPayload\":\"" + bytes(11) + "\",\"decryptKeyName\":\"" + AES
                        + "\",\"cipherAlgorithm\":\"AES_GCM\",\"initializationVector\":\"" + bytes(12) + "\",\"tagLength\":96}}",
                        400, error("DECRYPTION_FAILED", "The data cannot be decrypted with key '" + AES
                        + "': it is shorter than its 96-bit authentication tag", 400)),
                answer("synchronousSign", "{\"signRequest\":{\"payload\":\"" + bytes(300) + "\",\"payloadType\":\"UNSPECIFIED\",\"signKeyName\":\""
                        + KEY + "\",\"signatureAlgorithm\":\"NONE_WITH_RSA\"}}", 400, error("INVALID_PAYLOAD",
                        "The payload of NONE_WITH_RSA is too long for this key: at most 245 bytes", 400)),
                answer("sign", "{\"signRequest\":{\"payload\":\"" + bytes(246) + "\",\"signKeyName\":\""
                        + KEY + "\",\"signatureAlgorithm\":\"NONE_WITH_RSA\"}}", 400, error("INVALID_PAYLOAD",
                        "The payload of NONE_WITH_RSA is too long for this key: at most 245 bytes", 400)),
                answer("synchronousSign", "{\"signRequest\":{\"payload\":\"" + bytes(65) + "\",\"signKeyName\":\""
                        + EC + "\",\"signatureAlgorithm\":\"NONE_WITH_ECDSA\"}}", 400, error("INVALID_PAYLOAD",
                        "The payload of NONE_WITH_ECDSA is too long for this key: at most 64 bytes", 400)),
                answer("verify", "{\"verifySignatureRequest\":{\"payload\":\"" + bytes(65) + "\",\"signKeyName\":\""
                        + EC + "\",\"signatureAlgorithm\":\"NONE_WITH_ECDSA\",\"signature\":\"MEUCIQ==\"}}", 400, error("INVALID_PAYLOAD",
                        "The payload of NONE_WITH_ECDSA is too long for this key: at most 64 bytes", 400)));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void parametersThatDoNotFitTogetherAreTheClientsMistake(Case c) {
        assertAnswer(c);
    }

    /** At the limits the same operations still work. */
    @Test
    void theLongestRawDigestsAreSigned() {
        assertEquals(200, operate("synchronousSign", "{\"signRequest\":{\"payload\":\"" + bytes(245) + "\",\"signKeyName\":\""
                + KEY + "\",\"signatureAlgorithm\":\"NONE_WITH_RSA\"}}").status());
        assertEquals(200, operate("synchronousSign", "{\"signRequest\":{\"payload\":\"" + bytes(64) + "\",\"signKeyName\":\""
                + EC + "\",\"signatureAlgorithm\":\"NONE_WITH_ECDSA\"}}").status());
    }

    /** A provider's refusal is told without the Java class names of the exceptions that carried it. */
    @Test
    void anUnwrapOfGarbageSaysWhyWithoutJavaNames() {
        Reply reply = operate("synchronousUnwrap", "{\"unwrapKeyRequest\":{\"wrappedKey\":\"h+rO8/++N9O+oU7DeDdhTtJ773mtssqo\","
                + "\"label\":\"faults-unwrapped-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"unwrapKeyName\":\"" + AES
                + "\",\"wrapMethod\":\"AES_WRAP\",\"attributes\":{\"decrypt\":true,\"destroyable\":true}}}");
        assertEquals(400, reply.status(), reply.raw());
        assertEquals("UNWRAP_FAILED", reply.string("code"), reply.raw());
        assertFalse(reply.string("message").matches("(?s).*\\b[a-z]+\\.[a-z]+\\.[A-Za-z.]*Exception.*"), reply.raw());
    }

    static Reply operate(String path, String body) {
        return Server.send(Server.request("/hermod/rest/v1/" + path).header("Content-Type", "application/json")
                .header("X-API-KEY", operation).method("POST", HttpRequest.BodyPublishers.ofString(body)));
    }

    static void assertAnswer(Case c) {
        Reply reply = Server.send(Server.request("/hermod/rest/v1/" + c.path()).header("Content-Type", "application/json")
                .header("X-API-KEY", c.management() ? management : operation)
                .method(c.method(), HttpRequest.BodyPublishers.ofString(c.body())));
        String actual = reply.status() + " " + reply.raw();
        if (c.answer() == null) {
            assertEquals(c.status(), reply.status(), actual);
        } else {
            assertEquals(c.status() + " " + c.answer(), actual);
        }
    }
}
