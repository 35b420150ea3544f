package org.ratatosk.keys.tsb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.platform.DomainException;

/**
 * The answers to the body of a client certificate's mapping, each body one case: the code and
 * message of the first fault, in the order the body is checked.
 */
class ClientCertificateBodyAnswersTest {

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("{}", "INVALID_ROLES: 'roles' must be a non-empty array of [KEY_MANAGEMENT, KEY_OPERATION, APPROVER, SERVICE, APPROVER_KEY_MANAGEMENT]"),
                Arguments.of("{'roles':['SERVICE']}", "INVALID_FIELD: 'certificate' is required"),
                Arguments.of("{'roles':['SERVICE'],'certificate':null}", "INVALID_FIELD: 'certificate' is required"),
                Arguments.of("{'roles':['SERVICE'],'certificate':''}", "INVALID_FIELD: 'certificate' is required"),
                Arguments.of("{'roles':['SERVICE'],'certificate':5}", "WRONG_TYPE: 'certificate' must be a string"),
                Arguments.of("{'roles':['SERVICE'],'certificate':['x']}", "WRONG_TYPE: 'certificate' must be a string"),
                Arguments.of("{'roles':['SERVICE'],'certificate':{},'x':1}", "WRONG_TYPE: 'certificate' must be a string"),
                Arguments.of("{'roles':['NOPE'],'certificate':5}", "INVALID_ROLES: Unknown role 'NOPE'; roles are [KEY_MANAGEMENT, KEY_OPERATION, APPROVER, SERVICE, APPROVER_KEY_MANAGEMENT]"),
                Arguments.of("{'roles':['SERVICE'],'certificate':' '}", "INVALID_CERTIFICATE: 'certificate' is not a PEM or base64 DER X.509 certificate"),
                Arguments.of("{'roles':['SERVICE'],'certificate':'bm90IGRlcg=='}", "INVALID_CERTIFICATE: 'certificate' is not a PEM or base64 DER X.509 certificate"));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void theBodyIsAnsweredAsBefore(String body, String expected) {
        TsbClientCertificates certificates = new TsbClientCertificates();
        certificates.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    throw new IllegalStateException("stored");
                });
        JsonObject json = Json.createReader(new StringReader(body.replace('\'', '"'))).readObject();
        String answer;
        try {
            certificates.put("client", json);
            answer = "accepted";
        } catch (DomainException e) {
            answer = e.code().name() + ": " + e.getMessage();
        }
        assertEquals(expected, answer, body);
    }
}
