package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.platform.DomainException;

/**
 * The answers to a command's header, each input one case: the code and message of the first
 * fault, in the order the header is checked, or the limits it gives.
 */
class CommandHeaderAnswersTest {

    static final String LONG_ID = "e".repeat(129);

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("{'lifespan':60,'timeout':30}", "60/30/null"),
                Arguments.of("{'lifespan':'60','timeout':' 30 ','other':{}}", "60/30/null"),
                Arguments.of("{'lifespan':3600,'timeout':600,'externalId':'" + "e".repeat(128) + "'}", "3600/600/" + "e".repeat(128)),
                Arguments.of("{'lifespan':1,'timeout':1,'externalId':null}", "1/1/null"),
                Arguments.of("{}", "INVALID_FIELD: commandHeader.lifespan is required"),
                Arguments.of("{'lifespan':null,'timeout':'x'}", "INVALID_FIELD: commandHeader.lifespan is required"),
                Arguments.of("{'timeout':true,'externalId':5}", "INVALID_FIELD: commandHeader.lifespan is required"),
                Arguments.of("{'lifespan':60}", "INVALID_FIELD: commandHeader.timeout is required"),
                Arguments.of("{'lifespan':0,'externalId':''}", "INVALID_FIELD: commandHeader.timeout is required"),
                Arguments.of("{'lifespan':'sixty','timeout':30}", "WRONG_TYPE: 'lifespan' must be a whole number"),
                Arguments.of("{'lifespan':60.5,'timeout':30}", "WRONG_TYPE: 'lifespan' must be a whole number"),
                Arguments.of("{'lifespan':[60],'timeout':null}", "WRONG_TYPE: 'lifespan' must be a whole number"),
                Arguments.of("{'lifespan':'','timeout':30}", "WRONG_TYPE: 'lifespan' must be a whole number"),
                Arguments.of("{'lifespan':99999999999999999999,'timeout':30}", "NUMBER_OUT_OF_RANGE: 'lifespan' is too large"),
                Arguments.of("{'lifespan':60,'timeout':{}}", "WRONG_TYPE: 'timeout' must be a whole number"),
                Arguments.of("{'lifespan':0,'timeout':'1e3'}", "WRONG_TYPE: 'timeout' must be a whole number"),
                Arguments.of("{'lifespan':60,'timeout':'-99999999999999999999'}", "NUMBER_OUT_OF_RANGE: 'timeout' is too large"),
                Arguments.of("{'lifespan':0,'timeout':0}", "INVALID_FIELD: commandHeader.lifespan must be 1 to 3600 seconds"),
                Arguments.of("{'lifespan':3601,'timeout':30,'externalId':5}", "INVALID_FIELD: commandHeader.lifespan must be 1 to 3600 seconds"),
                Arguments.of("{'lifespan':-1,'timeout':30}", "INVALID_FIELD: commandHeader.lifespan must be 1 to 3600 seconds"),
                Arguments.of("{'lifespan':60,'timeout':0,'externalId':''}", "INVALID_FIELD: commandHeader.timeout must be 1 to 600 seconds"),
                Arguments.of("{'lifespan':60,'timeout':601}", "INVALID_FIELD: commandHeader.timeout must be 1 to 600 seconds"),
                Arguments.of("{'lifespan':60,'timeout':30,'externalId':5}", "WRONG_TYPE: 'externalId' must be a string"),
                Arguments.of("{'lifespan':60,'timeout':30,'externalId':['x']}", "WRONG_TYPE: 'externalId' must be a string"),
                Arguments.of("{'lifespan':60,'timeout':30,'externalId':''}", "INVALID_FIELD: commandHeader.externalId must be 1 to 128 characters"),
                Arguments.of("{'lifespan':60,'timeout':30,'externalId':'" + LONG_ID + "'}",
                        "INVALID_FIELD: commandHeader.externalId must be 1 to 128 characters"));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void theHeaderIsAnsweredAsBefore(String header, String expected) {
        String answer;
        try {
            CommandHeader limits = CommandHeader.read(CommandBodiesTest.json(header), 3600, 600);
            answer = limits.lifespan() + "/" + limits.timeout() + "/" + limits.externalId();
        } catch (DomainException e) {
            answer = e.code().name() + ": " + e.getMessage();
        }
        assertEquals(expected, answer, header);
    }
}
