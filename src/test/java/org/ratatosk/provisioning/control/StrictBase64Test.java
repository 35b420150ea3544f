package org.ratatosk.provisioning.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratatosk.platform.ErrorCode;

/** Every character of a base64 part counts: what lenient decoders skip is refused here. */
class StrictBase64Test {

    static final byte[] BYTES = {(byte) 0xfb, (byte) 0xff, 0x3e, 0x01, 0x02};
    static final String URL = Base64.getUrlEncoder().withoutPadding().encodeToString(BYTES);
    static final String STANDARD = Base64.getEncoder().encodeToString(BYTES);

    @Test
    void canonicalTextDecodes() throws AnswerRejected {
        assertEquals("-_8-AQI", URL);
        assertEquals("+/8+AQI=", STANDARD);
        assertArrayEquals(BYTES, StrictBase64.url(URL, "x"));
        assertArrayEquals(BYTES, StrictBase64.standard(STANDARD, "x"));
        assertArrayEquals(BYTES, StrictBase64.standard(STANDARD.substring(0, 4) + "\r\n" + STANDARD.substring(4), "x"));
        assertArrayEquals(BYTES, StrictBase64.either(URL, "x"));
        assertArrayEquals(BYTES, StrictBase64.either(STANDARD, "x"));
        assertArrayEquals(new byte[0], StrictBase64.url("", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!-_8-AQI", "-_8-AQI=", "+_8-AQI", "-/8-AQI", "-_8 -AQI", "-_8-AQI\n", "\t-_8-AQI",
            "-_8-AQJ", "-_8-A", "-_8-AQI.", "-_8-AQI%"})
    void urlRefusesWhatIsOutsideItsAlphabetOrNotCanonical(String text) {
        AnswerRejected refused = assertThrows(AnswerMalformed.class, () -> StrictBase64.url(text, "the part"));
        assertEquals(ErrorCode.INVALID_BASE64URL, refused.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!+/8+AQI=", "+/8+AQI", "-_8-AQI=", "+/8+ AQI=", "+/8+AQI==", "+/8+AQI=x", "+/8=+AQI",
            "+/8+AQJ=", "\t+/8+AQI="})
    void standardRefusesWhatIsOutsideItsAlphabetOrNotCanonical(String text) {
        AnswerRejected refused = assertThrows(AnswerMalformed.class, () -> StrictBase64.standard(text, "the data"));
        assertEquals(ErrorCode.INVALID_BASE64, refused.code());
    }

    @Test
    void eitherTakesOneAlphabetAtATime() {
        assertThrows(AnswerMalformed.class, () -> StrictBase64.either("-/8+AQI=", "csr"));
        assertThrows(AnswerMalformed.class, () -> StrictBase64.either("-_8-AQI=", "csr"));
        assertThrows(AnswerMalformed.class, () -> StrictBase64.either("!!!" + STANDARD, "csr"));
    }
}
