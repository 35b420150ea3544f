package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static StrictJson.Violation refused(String text) {
        return assertThrows(StrictJson.RefusedJson.class, () -> StrictJson.read(text), text).violation();
    }

    static DomainException refusedBody(String body) {
        return assertThrows(DomainException.class, () -> JsonBodies.parseObject(body), body);
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        JsonValue deepest = StrictJson.read(nested(StrictJson.MAX_DEPTH));
        assertEquals(JsonValue.ValueType.ARRAY, deepest.getValueType());
        assertEquals(JsonValue.ValueType.OBJECT, StrictJson.read("{\"a\":" + nested(StrictJson.MAX_DEPTH - 1) + "}").getValueType());
    }

    @Test
    void nestingPastTheLimitIsRefusedWithItsOwnCode() {
        assertEquals(StrictJson.Violation.TOO_DEEP, refused(nested(StrictJson.MAX_DEPTH + 1)));
        assertEquals(StrictJson.Violation.TOO_DEEP, refused("{\"a\":" + nested(5000) + "}"));
        DomainException e = refusedBody("{\"a\":" + nested(5000) + "}");
        assertEquals(400, e.code().status());
        assertEquals(ErrorCode.JSON_TOO_DEEP, e.code());
    }

    @Test
    void aDuplicateMemberAnywhereIsRefused() {
        assertEquals(StrictJson.Violation.DUPLICATE_MEMBER, refused("{\"userid\":\"evil\",\"userid\":\"real\"}"));
        assertEquals(StrictJson.Violation.DUPLICATE_MEMBER, refused("{\"a\":[{\"b\":1,\"c\":2,\"b\":1}]}"));
        DomainException e = refusedBody("{\"commandHeader\":{\"lifespan\":1,\"lifespan\":2}}");
        assertEquals(400, e.code().status());
        assertEquals(ErrorCode.DUPLICATE_MEMBER, e.code());
        assertTrue(e.getMessage().contains("'lifespan'"), e.getMessage());
    }

    @Test
    void aNulCharacterInAStringOrNameIsRefused() {
        assertEquals(StrictJson.Violation.MALFORMED, refused("{\"label\":\"a\\u0000b\"}"));
        assertEquals(StrictJson.Violation.MALFORMED, refused("{\"a\\u0000\":1}"));
        assertEquals(StrictJson.Violation.MALFORMED, refused("[\"\\u0000\"]"));
        assertEquals(400, refusedBody("{\"label\":\"\\u0000\"}").code().status());
        assertEquals("a\u0001b", StrictJson.read("{\"label\":\"a\\u0001b\"}").asJsonObject().getString("label"));
    }

    @Test
    void theSameNameInSiblingObjectsIsNoDuplicate() {
        JsonObject read = StrictJson.read("{\"a\":{\"x\":1},\"b\":{\"x\":2}}").asJsonObject();
        assertEquals(2, read.getJsonObject("b").getInt("x"));
    }

    @Test
    void hugeNumbersAreRefusedBeforeAnyFieldReadsThem() {
        assertEquals(StrictJson.Violation.NUMBER_OUT_OF_RANGE, refused("{\"lifespan\":" + "9".repeat(5000) + "}"));
        assertEquals(StrictJson.Violation.NUMBER_OUT_OF_RANGE, refused("{\"lifespan\":1e999999999}"));
        assertEquals(StrictJson.Violation.NUMBER_OUT_OF_RANGE, refused("[1e-999999999]"));
        assertEquals(ErrorCode.NUMBER_OUT_OF_RANGE, refusedBody("{\"lifespan\":" + "9".repeat(5000) + "}").code());
    }

    @Test
    void numbersKeepTheirValueAndForm() {
        JsonObject read = StrictJson.read("{\"a\":300,\"b\":-7,\"c\":1.50,\"d\":9223372036854775807}").asJsonObject();
        assertEquals("{\"a\":300,\"b\":-7,\"c\":1.50,\"d\":9223372036854775807}", read.toString());
        assertEquals(300L, read.getJsonNumber("a").longValueExact());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{", "{\"a\":}", "{\"a\":1}}", "{\"a\":1} x", "[1,]", "nul", "{'a':1}", "\"\\uZZZZ\""})
    void malformedTextIsRefusedInOurOwnWords(String text) {
        StrictJson.RefusedJson e = assertThrows(StrictJson.RefusedJson.class, () -> StrictJson.read(text), text);
        assertEquals(StrictJson.Violation.MALFORMED, e.violation(), text);
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void aBodyThatIsNoObjectIsMalformedJson() {
        DomainException e = refusedBody("[1,2]");
        assertEquals(ErrorCode.MALFORMED_JSON, e.code());
    }

    @Test
    void wrongTypesAndOversizedNumbersHaveTheirOwnCodes() {
        JsonObject body = JsonBodies.parseObject("{\"n\":\"abc\",\"big\":99999999999999999999,\"s\":5,\"o\":[],\"f\":1.5,\"q\":\"300\"}");
        DomainException string = assertThrows(DomainException.class, () -> JsonBodies.optionalLong(body, "n"));
        assertEquals(ErrorCode.WRONG_TYPE, string.code());
        assertEquals(ErrorCode.WRONG_TYPE, assertThrows(DomainException.class, () -> JsonBodies.optionalLong(body, "f")).code());
        assertEquals(ErrorCode.NUMBER_OUT_OF_RANGE, assertThrows(DomainException.class, () -> JsonBodies.optionalLong(body, "big")).code());
        assertEquals(ErrorCode.WRONG_TYPE, assertThrows(DomainException.class, () -> JsonBodies.optionalString(body, "s")).code());
        assertEquals(ErrorCode.WRONG_TYPE, assertThrows(DomainException.class, () -> JsonBodies.requireObject(body, "o")).code());
        assertEquals(ErrorCode.INVALID_FIELD, assertThrows(DomainException.class, () -> JsonBodies.requireObject(body, "missing")).code());
        assertEquals(300L, JsonBodies.optionalLong(body, "q").orElseThrow());
    }

    @Test
    void onlyUtf8IsText() {
        assertEquals("grüß", Utf8Bodies.decode("grüß".getBytes(StandardCharsets.UTF_8)).orElseThrow());
        assertTrue(Utf8Bodies.decode(new byte[] {'{', (byte) 0xC3, '}'}).isEmpty());
        assertTrue(Utf8Bodies.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).isEmpty(), "a lone surrogate");
        assertTrue(Utf8Bodies.decode(new byte[] {(byte) 0xC0, (byte) 0xAF}).isEmpty(), "an overlong form");
    }
}
