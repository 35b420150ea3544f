package org.ratatosk.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.console.control.ConsoleSessions;
import org.ratatosk.platform.DomainException;

/**
 * The answers to a console sign-in's body, each body one case: the code and message of the first
 * fault, or the user and password handed on to the sign-in.
 */
class SignInAnswersTest {

    /** Stands in for the sign-in, and says what it was given. */
    static final class Given extends RuntimeException {
        Given(String what) {
            super(what);
        }
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("{\"user\":\"admin\",\"password\":\"pw\"}", "admin/pw"),
                Arguments.of("{\"password\":\" \",\"user\":\" \",\"x\":[1]}", " / "),
                Arguments.of("{}", "INVALID_FIELD: 'user' is required"),
                Arguments.of("{\"user\":null,\"password\":5}", "INVALID_FIELD: 'user' is required"),
                Arguments.of("{\"user\":\"\",\"password\":\"\"}", "INVALID_FIELD: 'user' is required"),
                Arguments.of("{\"user\":5,\"password\":5}", "WRONG_TYPE: 'user' must be a string"),
                Arguments.of("{\"user\":[\"admin\"]}", "WRONG_TYPE: 'user' must be a string"),
                Arguments.of("{\"user\":true,\"password\":null}", "WRONG_TYPE: 'user' must be a string"),
                Arguments.of("{\"user\":\"admin\"}", "INVALID_FIELD: 'password' is required"),
                Arguments.of("{\"user\":\"admin\",\"password\":\"\"}", "INVALID_FIELD: 'password' is required"),
                Arguments.of("{\"user\":\"admin\",\"password\":null}", "INVALID_FIELD: 'password' is required"),
                Arguments.of("{\"user\":\"admin\",\"password\":{}}", "WRONG_TYPE: 'password' must be a string"),
                Arguments.of("{\"user\":\"admin\",\"password\":12345678901234567890}", "WRONG_TYPE: 'password' must be a string"),
                Arguments.of("[]", "MALFORMED_JSON: The request body must be a JSON object"),
                Arguments.of("{\"user\":\"a\",\"user\":\"b\",\"password\":\"p\"}", "DUPLICATE_MEMBER"));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void theSignInIsAnsweredAsBefore(String body, String expected) {
        ConsoleSessionsResource resource = new ConsoleSessionsResource();
        resource.sessions = new ConsoleSessions() {
            @Override
            public Active signIn(String user, String password, String address) {
                throw new Given(user + "/" + password);
            }
        };
        resource.servletRequest = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> "127.0.0.1");
        String answer;
        try {
            resource.signIn(body);
            answer = "signed in";
        } catch (Given given) {
            answer = given.getMessage();
        } catch (DomainException e) {
            answer = e.code().name().equals("DUPLICATE_MEMBER") ? e.code().name() : e.code().name() + ": " + e.getMessage();
        }
        assertEquals(expected, answer, body);
    }
}
