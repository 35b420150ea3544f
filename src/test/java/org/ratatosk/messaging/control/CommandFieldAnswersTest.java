package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.DomainException;

/**
 * The answers to the fields of the ping, delete, certificate and PIN reset bodies, each input one
 * case: the code and message of the first fault, in the order the fields are checked, or none.
 */
class CommandFieldAnswersTest {

    static final String LONG_ID = "i".repeat(CommandBodies.MAX_ID + 1);
    static final String LONG_TEXT = "n".repeat(DesktopFields.MAX_TEXT + 1);

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of(CommandType.PING, "{}", "accepted"),
                Arguments.of(CommandType.PING, "{'deviceinfo':null,'profileinfo':null,'profileid':null}", "accepted"),
                Arguments.of(CommandType.PING, "{'deviceinfo':'true','profileinfo':'false','profileid':'p'}", "accepted"),
                Arguments.of(CommandType.PING, "{'deviceinfo':true,'other':[1],'profileid':'" + "i".repeat(CommandBodies.MAX_ID) + "'}", "accepted"),
                Arguments.of(CommandType.PING, "{'deviceinfo':'yes','profileinfo':1,'profileid':5}", "WRONG_TYPE: 'deviceinfo' must be true or false"),
                Arguments.of(CommandType.PING, "{'deviceinfo':1}", "WRONG_TYPE: 'deviceinfo' must be true or false"),
                Arguments.of(CommandType.PING, "{'profileinfo':'TRUE','profileid':''}", "WRONG_TYPE: 'profileinfo' must be true or false"),
                Arguments.of(CommandType.PING, "{'profileinfo':{},'profileid':''}", "WRONG_TYPE: 'profileinfo' must be true or false"),
                Arguments.of(CommandType.PING, "{'profileid':''}", "INVALID_FIELD: 'profileid' must be 1 to 128 characters"),
                Arguments.of(CommandType.PING, "{'profileid':'" + LONG_ID + "'}", "INVALID_FIELD: 'profileid' must be 1 to 128 characters"),
                Arguments.of(CommandType.PING, "{'profileid':5}", "WRONG_TYPE: 'profileid' must be a string"),
                Arguments.of(CommandType.PING, "{'profileid':['p']}", "WRONG_TYPE: 'profileid' must be a string"),

                Arguments.of(CommandType.DELETE, "{'profileid':'p'}", "accepted"),
                Arguments.of(CommandType.DELETE, "{'profileid':'p','confirmed':'true'}", "accepted"),
                Arguments.of(CommandType.DELETE, "{'profileid':'p','confirmed':false,'x':{}}", "accepted"),
                Arguments.of(CommandType.DELETE, "{}", "INVALID_FIELD: 'profileid' is required"),
                Arguments.of(CommandType.DELETE, "{'profileid':null}", "INVALID_FIELD: 'profileid' is required"),
                Arguments.of(CommandType.DELETE, "{'confirmed':5}", "INVALID_FIELD: 'profileid' is required"),
                Arguments.of(CommandType.DELETE, "{'profileid':'','confirmed':5}", "INVALID_FIELD: 'profileid' must be 1 to 128 characters"),
                Arguments.of(CommandType.DELETE, "{'profileid':'" + LONG_ID + "'}", "INVALID_FIELD: 'profileid' must be 1 to 128 characters"),
                Arguments.of(CommandType.DELETE, "{'profileid':true,'confirmed':5}", "WRONG_TYPE: 'profileid' must be a string"),
                Arguments.of(CommandType.DELETE, "{'profileid':'p','confirmed':'yes'}", "WRONG_TYPE: 'confirmed' must be true or false"),
                Arguments.of(CommandType.DELETE, "{'profileid':'p','confirmed':1}", "WRONG_TYPE: 'confirmed' must be true or false"),

                Arguments.of(CommandType.CERT, "{}", "accepted"),
                Arguments.of(CommandType.CERT, "{'profileid':'p'}", "accepted"),
                Arguments.of(CommandType.CERT, "{'profileid':''}", "INVALID_FIELD: 'profileid' must be 1 to 128 characters"),
                Arguments.of(CommandType.CERT, "{'profileid':1.5}", "WRONG_TYPE: 'profileid' must be a string"),

                Arguments.of(CommandType.SPIN, "{}", "accepted"),
                Arguments.of(CommandType.SPIN, "{'smartcardid':'card'}", "accepted"),
                Arguments.of(CommandType.SPIN, "{'smartcardid':''}", "INVALID_FIELD: 'smartcardid' must be 1 to 128 characters"),
                Arguments.of(CommandType.SPIN, "{'smartcardid':7}", "WRONG_TYPE: 'smartcardid' must be a string"),

                Arguments.of(CommandType.EPIN, "{'encryptednonce':'abc'}", "accepted"),
                Arguments.of(CommandType.EPIN, "{'encryptednonce':'" + "n".repeat(DesktopFields.MAX_TEXT) + "','smartcardid':'c'}", "accepted"),
                Arguments.of(CommandType.EPIN, "{}", "INVALID_FIELD: 'encryptednonce' is required"),
                Arguments.of(CommandType.EPIN, "{'encryptednonce':'','smartcardid':5}", "INVALID_FIELD: 'encryptednonce' is required"),
                Arguments.of(CommandType.EPIN, "{'encryptednonce':null,'smartcardid':''}", "INVALID_FIELD: 'encryptednonce' is required"),
                Arguments.of(CommandType.EPIN, "{'encryptednonce':5,'smartcardid':5}", "WRONG_TYPE: 'encryptednonce' must be a string"),
                Arguments.of(CommandType.EPIN, "{'encryptednonce':'" + LONG_TEXT + "','smartcardid':5}",
                        "INVALID_FIELD: 'encryptednonce' is longer than 4096 characters"),
                Arguments.of(CommandType.EPIN, "{'encryptednonce':'abc','smartcardid':''}", "INVALID_FIELD: 'smartcardid' must be 1 to 128 characters"),
                Arguments.of(CommandType.EPIN, "{'encryptednonce':'abc','smartcardid':false}", "WRONG_TYPE: 'smartcardid' must be a string"));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void theFieldsAreAnsweredAsBefore(CommandType type, String body, String expected) {
        String answer;
        try {
            CommandBodiesTest.RULES.of(type).check(CommandBodiesTest.json(body));
            answer = "accepted";
        } catch (DomainException e) {
            answer = e.code().name() + ": " + e.getMessage();
        }
        assertEquals(expected, answer, body);
    }
}
