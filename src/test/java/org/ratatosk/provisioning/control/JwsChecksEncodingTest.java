package org.ratatosk.provisioning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ratatosk.platform.ErrorCode;

/**
 * A compact JWS is three base64url parts and nothing else. jose4j alone accepted a signature with
 * "!!!" before it, and verified it.
 */
class JwsChecksEncodingTest {

    static KeyPair rsa;
    static String compact;

    @BeforeAll
    static void sign() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setPayload("{\"tbs\":[]}");
        jws.setKey(rsa.getPrivate());
        compact = jws.getCompactSerialization();
    }

    static String[] parts() {
        return compact.split("\\.");
    }

    static String code(String text) {
        return assertThrows(AnswerMalformed.class, () -> JwsChecks.parse(text, "the answer")).code().name();
    }

    @Test
    void theWellFormedJwsVerifies() throws Exception {
        JsonWebSignature jws = JwsChecks.parse(compact, "the answer");
        JwsChecks.verify(compact, jws, PublicJsonWebKey.Factory.newPublicJwk(rsa.getPublic()), null, "the answer");
    }

    @Test
    void lenientDecodingWouldHaveAcceptedTheBangs() throws Exception {
        JsonWebSignature lenient = new JsonWebSignature();
        lenient.setCompactSerialization(parts()[0] + "." + parts()[1] + ".!!!" + parts()[2]);
        lenient.setKey(rsa.getPublic());
        assertEquals(true, lenient.verifySignature(), "jose4j skips the stray characters");
    }

    @Test
    void strayCharactersInAnyPartAreRefused() {
        String[] p = parts();
        assertEquals("INVALID_BASE64URL", code(p[0] + "." + p[1] + ".!!!" + p[2]));
        assertEquals("INVALID_BASE64URL", code("!!!" + p[0] + "." + p[1] + "." + p[2]));
        assertEquals("INVALID_BASE64URL", code(p[0] + ".!!!" + p[1] + "." + p[2]));
        assertEquals("INVALID_BASE64URL", code(p[0] + "." + p[1] + "." + p[2] + "=="));
        assertEquals("INVALID_BASE64URL", code(p[0] + "=." + p[1] + "." + p[2]));
        assertEquals("INVALID_BASE64URL", code(p[0] + "." + p[1] + "." + p[2].replace('-', '+').replace('_', '/') + "+/"));
        assertEquals("INVALID_BASE64URL", code(p[0] + "." + p[1] + "." + p[2].substring(0, 10) + " " + p[2].substring(10)));
        assertEquals("INVALID_BASE64URL", code(p[0] + "." + p[1] + "." + p[2] + "\n"));
        assertEquals("INVALID_BASE64URL", code(p[0] + ".\t" + p[1] + "." + p[2]));
    }

    @Test
    void aFourthPartOrAMissingOneIsRefused() {
        String[] p = parts();
        assertEquals("MALFORMED_JWS", code(compact + "." + p[2]));
        assertEquals("MALFORMED_JWS", code(compact + "."));
        assertEquals("MALFORMED_JWS", code(p[0] + "." + p[1]));
        assertEquals("MALFORMED_JWS", code("." + p[1] + "." + p[2]));
    }

    @Test
    void jwkMembersAreStrictToo() throws Exception {
        Map<String, Object> params = PublicJsonWebKey.Factory.newPublicJwk(rsa.getPublic())
                .toParams(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        params.put("n", "!!!" + params.get("n"));
        AnswerRejected refused = assertThrows(AnswerMalformed.class, () -> JwsChecks.publicJwk(params, "the jwk"));
        assertEquals(ErrorCode.INVALID_BASE64URL, refused.code());
    }
}
