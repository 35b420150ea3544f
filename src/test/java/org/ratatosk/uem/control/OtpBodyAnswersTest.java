package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.platform.DomainException;
import org.ratatosk.uem.entity.UemOtp;

/**
 * The answers to the body of a new one-time password, each body one case: the code and message of
 * the first fault, or the validity in seconds the password is stored with.
 */
class OtpBodyAnswersTest {

    /** Stands in for storing the password, and says for how long it is valid. */
    static final class Stored extends RuntimeException {
        Stored(long seconds) {
            super(Long.toString(seconds));
        }
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of(null, "86400"),
                Arguments.of("", "86400"),
                Arguments.of("  ", "86400"),
                Arguments.of("{}", "86400"),
                Arguments.of("{\"validitySeconds\":null,\"x\":[1]}", "86400"),
                Arguments.of("{\"validitySeconds\":60}", "60"),
                Arguments.of("{\"validitySeconds\":\"60\"}", "60"),
                Arguments.of("{\"validitySeconds\":2592000}", "2592000"),
                Arguments.of("{\"validitySeconds\":2592001}", "INVALID_FIELD: validitySeconds must be 1 to 2592000"),
                Arguments.of("{\"validitySeconds\":0}", "INVALID_FIELD: validitySeconds must be 1 to 2592000"),
                Arguments.of("{\"validitySeconds\":-5}", "INVALID_FIELD: validitySeconds must be 1 to 2592000"),
                Arguments.of("{\"validitySeconds\":1.5}", "WRONG_TYPE: 'validitySeconds' must be a whole number"),
                Arguments.of("{\"validitySeconds\":\"\"}", "WRONG_TYPE: 'validitySeconds' must be a whole number"),
                Arguments.of("{\"validitySeconds\":true}", "WRONG_TYPE: 'validitySeconds' must be a whole number"),
                Arguments.of("{\"validitySeconds\":{}}", "WRONG_TYPE: 'validitySeconds' must be a whole number"),
                Arguments.of("{\"validitySeconds\":99999999999999999999}", "NUMBER_OUT_OF_RANGE: 'validitySeconds' is too large"),
                Arguments.of("{\"validitySeconds\":\"-99999999999999999999\"}", "NUMBER_OUT_OF_RANGE: 'validitySeconds' is too large"),
                Arguments.of("[60]", "MALFORMED_JSON: The request body must be a JSON object"));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void theBodyIsAnsweredAsBefore(String body, String expected) {
        OneTimePasswords passwords = new OneTimePasswords();
        passwords.clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        passwords.settings = new UemSettings() {
            @Override
            public int otpLength() {
                return 10;
            }
        };
        passwords.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("persist")) {
                        throw new Stored(((UemOtp) args[0]).expiresAt().getEpochSecond());
                    }
                    return null;
                });
        String answer;
        try {
            passwords.issue("user", body);
            answer = "issued";
        } catch (Stored stored) {
            answer = stored.getMessage();
        } catch (DomainException e) {
            answer = e.code().name() + ": " + e.getMessage();
        }
        assertEquals(expected, answer, body);
    }
}
