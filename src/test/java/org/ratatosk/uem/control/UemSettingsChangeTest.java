package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.JsonBodies;

class UemSettingsChangeTest {

    static final String GOOD = "\"keyAlgorithm\":\"EC_P256\",\"poolSize\":10,\"passwordMode\":\"otp\",\"validityDays\":30";

    static void assertRefused(ErrorCode code, String message, String body) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> UemSettingsStore.parse(JsonBodies.parseObject(body)), body);
        assertEquals(code, e.code(), body);
        assertEquals(message, e.getMessage(), body);
    }

    @Test
    void theSettingsAreRead() {
        assertEquals(new UemSettings.Values(null, KeyAlgorithm.EC_P256, 10, UemSettings.PasswordSource.OTP, 30),
                UemSettingsStore.parse(JsonBodies.parseObject("{\"caKey\":null," + GOOD + "}")));
        assertEquals(new UemSettings.Values("ca", KeyAlgorithm.RSA_2048, 0, UemSettings.PasswordSource.RANDOM, 36500),
                UemSettingsStore.parse(JsonBodies.parseObject("{\"caKey\":\"ca\",\"keyAlgorithm\":\" rsa-2048 \","
                        + "\"poolSize\":\"0\",\"passwordMode\":\"RANDOM\",\"validityDays\":36500}")));
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(ErrorCode.INVALID_FIELD, "Unknown member 'x'; known: [caKey, keyAlgorithm, poolSize, passwordMode, validityDays]", "{\"x\":1,\"caKey\":5}"),
                Arguments.of(ErrorCode.INVALID_FIELD, "caKey is required (a key label, or null)", "{" + GOOD + "}"),
                Arguments.of(ErrorCode.INVALID_FIELD, "'caKey' is required", "{\"caKey\":\"\"," + GOOD + "}"),
                Arguments.of(ErrorCode.WRONG_TYPE, "'caKey' must be a string", "{\"caKey\":5," + GOOD + "}"),
                Arguments.of(ErrorCode.INVALID_FIELD, "'keyAlgorithm' is required", "{\"caKey\":null,\"keyAlgorithm\":\"\"}"),
                Arguments.of(ErrorCode.INVALID_FIELD, "keyAlgorithm must be RSA_2048, RSA_3072 or EC_P256", "{\"caKey\":null,\"keyAlgorithm\":\"RSA_1024\",\"poolSize\":\"many\"}"),
                Arguments.of(ErrorCode.INVALID_FIELD, "poolSize is required", "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\"}"),
                Arguments.of(ErrorCode.WRONG_TYPE, "'poolSize' must be a whole number", "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\",\"poolSize\":\"many\",\"passwordMode\":\"x\"}"),
                Arguments.of(ErrorCode.INVALID_FIELD, "poolSize must be 0 to 1000", "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\",\"poolSize\":1001}"),
                Arguments.of(ErrorCode.NUMBER_OUT_OF_RANGE, "'poolSize' is too large", "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\",\"poolSize\":99999999999999999999}"),
                Arguments.of(ErrorCode.INVALID_FIELD, "passwordMode must be random or otp", "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\",\"poolSize\":1,\"passwordMode\":\"none\",\"validityDays\":0}"),
                Arguments.of(ErrorCode.INVALID_FIELD, "validityDays is required", "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\",\"poolSize\":1,\"passwordMode\":\"otp\"}"),
                Arguments.of(ErrorCode.INVALID_FIELD, "validityDays must be 1 to 36500", "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\",\"poolSize\":1,\"passwordMode\":\"otp\",\"validityDays\":0}"));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void eachFaultKeepsItsAnswer(ErrorCode code, String message, String body) {
        assertRefused(code, message, body);
    }
}
