package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.platform.DomainException;

/**
 * The answers to a command's addresses, each header and body one case: the code and message of
 * the first fault, or the addresses they give.
 */
class AddressesAnswersTest {

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("{}", "{}", true, "[@tmp]"),
                Arguments.of("{'to':null}", "{'profileid':5}", true, "[@tmp]"),
                Arguments.of("{'to':[]}", "{}", true, "[@tmp]"),
                Arguments.of("{'to':['@tmp']}", "{}", true, "[@tmp]"),
                Arguments.of("{'to':['p']}", "{}", true, "INVALID_FIELD: provision is addressed to @tmp only"),
                Arguments.of("{'to':['@tmp','@tmp']}", "{}", true, "INVALID_FIELD: provision is addressed to @tmp only"),
                Arguments.of("{'to':'@tmp'}", "{}", true, "WRONG_TYPE: 'to' must be an array"),
                Arguments.of("{'to':{}}", "{'profileid':5}", false, "WRONG_TYPE: 'to' must be an array"),
                Arguments.of("{'to':5}", "{}", false, "WRONG_TYPE: 'to' must be an array"),
                Arguments.of("{'to':true,'x':1}", "{}", false, "WRONG_TYPE: 'to' must be an array"),
                Arguments.of("{}", "{'profileid':'p'}", false, "[p]"),
                Arguments.of("{'to':[]}", "{'profileid':''}", false, "[]"),
                Arguments.of("{'to':null,'other':[1]}", "{'profileid':'p','x':{}}", false, "[p]"),
                Arguments.of("{}", "{}", false, "INVALID_FIELD: commandHeader.to is required"),
                Arguments.of("{'to':[]}", "{'profileid':null}", false, "INVALID_FIELD: commandHeader.to is required"),
                Arguments.of("{}", "{'profileid':5}", false, "WRONG_TYPE: 'profileid' must be a string"),
                Arguments.of("{}", "{'profileid':['p']}", false, "WRONG_TYPE: 'profileid' must be a string"),
                Arguments.of("{'to':['p','@u']}", "{'profileid':5}", false, "[p, @u]"),
                Arguments.of("{'to':['p','@tmp']}", "{}", false, "INVALID_FIELD: @tmp is for provision only"),
                Arguments.of("{'to':['p',5]}", "{}", false, "INVALID_FIELD: commandHeader.to items must be non-empty strings"),
                Arguments.of("{'to':[' ']}", "{}", false, "INVALID_FIELD: commandHeader.to items must be non-empty strings"),
                Arguments.of("{'to':[null]}", "{}", true, "INVALID_FIELD: commandHeader.to items must be non-empty strings"),
                Arguments.of("{'to':['" + "a".repeat(161) + "']}", "{}", false,
                        "INVALID_FIELD: commandHeader.to items must be non-empty strings"),
                Arguments.of("{'to':['" + "a".repeat(160) + "']}", "{}", false, "[" + "a".repeat(160) + "]"));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void theAddressesAreAnsweredAsBefore(String header, String body, boolean provisions, String expected) {
        String answer;
        try {
            answer = Addressing.addresses(CommandBodiesTest.json(header), CommandBodiesTest.json(body), provisions).toString();
        } catch (DomainException e) {
            answer = e.code().name() + ": " + e.getMessage();
        }
        assertEquals(expected, answer, header + " " + body);
    }
}
