package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.platform.DomainException;

/**
 * The answers to a certificate command's list of certificates, each body one case: the code and
 * message of the first fault, in the order the list and its items are checked.
 */
class CertificateListAnswersTest {

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("{}", "INVALID_FIELD: certCommand.certificates is required"),
                Arguments.of("{'certificates':null}", "INVALID_FIELD: certCommand.certificates is required"),
                Arguments.of("{'certificates':[]}", "INVALID_FIELD: certCommand.certificates is required"),
                Arguments.of("{'certificates':{}}", "WRONG_TYPE: 'certificates' must be an array"),
                Arguments.of("{'certificates':'x'}", "WRONG_TYPE: 'certificates' must be an array"),
                Arguments.of("{'certificates':[5]}", "INVALID_FIELD: certCommand.certificates items must be objects"),
                Arguments.of("{'certificates':[null]}", "INVALID_FIELD: certCommand.certificates items must be objects"),
                Arguments.of("{'certificates':[[]]}", "INVALID_FIELD: certCommand.certificates items must be objects"),
                Arguments.of("{'certificates':[{}]}", "INVALID_FIELD: 'keyid' is required"),
                Arguments.of("{'certificates':[{'keyid':'','data':5}]}", "INVALID_FIELD: 'keyid' is required"),
                Arguments.of("{'certificates':[{'keyid':null,'data':null}]}", "INVALID_FIELD: 'keyid' is required"),
                Arguments.of("{'certificates':[{'keyid':5,'data':5}]}", "WRONG_TYPE: 'keyid' must be a string"),
                Arguments.of("{'certificates':[{'keyid':{},'data':''}]}", "WRONG_TYPE: 'keyid' must be a string"),
                Arguments.of("{'certificates':[{'keyid':'k'}]}", "INVALID_FIELD: 'data' is required"),
                Arguments.of("{'certificates':[{'keyid':'k','data':''}]}", "INVALID_FIELD: 'data' is required"),
                Arguments.of("{'certificates':[{'keyid':'k','data':true}]}", "WRONG_TYPE: 'data' must be a string"),
                Arguments.of("{'certificates':[{'keyid':'k','data':'bm90IGRlcg=='},5]}",
                        "INVALID_FIELD: certificates[].data is not a base64 DER X.509 certificate"),
                Arguments.of("{'certificates':[{'keyid':'k','data':'!!','x':[1]}]}",
                        "INVALID_FIELD: certificates[].data is not a base64 DER X.509 certificate"));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void theCertificatesAreAnsweredAsBefore(String body, String expected) {
        String answer;
        try {
            CertificateRules.checkCertificates(CommandBodiesTest.json(body), List.of());
            answer = "accepted";
        } catch (DomainException e) {
            answer = e.code().name() + ": " + e.getMessage();
        }
        assertEquals(expected, answer, body);
    }
}
