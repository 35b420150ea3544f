package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.platform.DomainException;

/**
 * The answers to the profile a delete or certificate body names among the addressed ones, each
 * body one case: the code and message of the fault, or the profiles chosen.
 */
class NamedProfileAnswersTest {

    static final List<Target> ADDRESSED = List.of(new Target("@u", "p1", null), new Target("@u", "p2", null));

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("{}", ADDRESSED, "[p1, p2]"),
                Arguments.of("{'profileid':null,'x':[1]}", ADDRESSED, "[p1, p2]"),
                Arguments.of("{'profileid':'p2'}", ADDRESSED, "[p2]"),
                Arguments.of("{'profileid':'p3'}", ADDRESSED, "UNKNOWN_RECIPIENT: Profile p3 is not among the addressed profiles"),
                Arguments.of("{'profileid':''}", ADDRESSED, "UNKNOWN_RECIPIENT: Profile  is not among the addressed profiles"),
                Arguments.of("{}", List.of(), "UNKNOWN_RECIPIENT: Profile null is not among the addressed profiles"),
                Arguments.of("{'profileid':5}", ADDRESSED, "WRONG_TYPE: 'profileid' must be a string"),
                Arguments.of("{'profileid':{}}", List.of(), "WRONG_TYPE: 'profileid' must be a string"));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void theNamedProfileIsAnsweredAsBefore(String body, List<Target> addressed, String expected) {
        String answer;
        try {
            answer = CommandBodies.namedProfile(CommandBodiesTest.json(body), addressed).stream().map(Target::profileId).toList().toString();
        } catch (DomainException e) {
            answer = e.code().name() + ": " + e.getMessage();
        }
        assertEquals(expected, answer, body);
    }
}
