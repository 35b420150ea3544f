package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class BodiesTest {

    /** The body's text, strictly parsed, as a record of {@code type}: what a resource does with a request. */
    static <T extends Record> T read(String text, Class<T> type) {
        return Bodies.bind(JsonBodies.parseObject(text), type);
    }

    public interface Creating {
    }

    public record Sample(
            @NotEmpty(groups = Creating.class, message = "'name' is required")
            @Size(min = 3, message = "name must have at least 3 characters") String name,
            @Pattern(regexp = "https?://.+", message = "url must be an http or https URL") String url,
            @NotNull(message = "count is required") @Min(value = 1, message = "count must be 1 to 9")
            @Max(value = 9, message = "count must be 1 to 9") Long count,
            Boolean flag,
            JsonArray items,
            JsonObject extra) {
    }

    public record Unsupported(int primitive) {
    }

    /** A rule written as code on {@code even}, and one on {@code any} that needs {@code even}. */
    public record Coded(@NotNull(message = "even is required") Long even, String label, JsonValue any) implements Bodies.Checked {

        @Override
        public void check(String component) {
            switch (component) {
                case "even" -> {
                    if (even % 2 != 0) {
                        throw InvalidInput.field("even must be even");
                    }
                }
                case "any" -> {
                    if (any != null && any.getValueType() != JsonValue.ValueType.NUMBER && even > 2) {
                        throw InvalidInput.field("any must be a number when even is over 2");
                    }
                }
                default -> {
                }
            }
        }
    }

    static String answer(String body) {
        try {
            read(body, Coded.class);
            return "accepted";
        } catch (InvalidInput e) {
            return e.code() + ": " + e.getMessage();
        }
    }

    @Test
    void aRuleWrittenAsCodeIsAnsweredInComponentOrder() {
        assertEquals("accepted", answer("{\"even\":2,\"label\":\"x\",\"any\":[1]}"));
        assertEquals("accepted", answer("{\"even\":4,\"any\":null}"));
        assertEquals("INVALID_FIELD: even is required", answer("{\"label\":5,\"any\":\"x\"}"));
        assertEquals("INVALID_FIELD: even must be even", answer("{\"even\":3,\"label\":5}"));
        assertEquals("WRONG_TYPE: 'even' must be a whole number", answer("{\"even\":\"x\",\"label\":5}"));
        assertEquals("WRONG_TYPE: 'label' must be a string", answer("{\"even\":4,\"label\":5,\"any\":\"x\"}"));
        assertEquals("INVALID_FIELD: any must be a number when even is over 2", answer("{\"even\":4,\"any\":{\"a\":1}}"));
        assertEquals(JsonValue.ValueType.STRING, read("{\"even\":2,\"any\":\"s\"}", Coded.class).any().getValueType());
    }

    static InvalidInput refused(String body, Class<?>... groups) {
        return assertThrows(InvalidInput.class, () -> Bodies.bind(JsonBodies.parseObject(body), Sample.class, groups), body);
    }

    static void assertRefused(ErrorCode code, String message, String body, Class<?>... groups) {
        InvalidInput e = refused(body, groups);
        assertEquals(code, e.code(), body);
        assertEquals(message, e.getMessage(), body);
    }

    @Test
    void membersAreBoundToTheirComponents() {
        Sample sample = read("{\"name\":\"abc\",\"url\":\"https://x\",\"count\":3,\"flag\":true,"
                + "\"items\":[1,\"a\",{\"b\":null}],\"extra\":{\"n\":1.50},\"unknown\":[]}", Sample.class);
        assertEquals("abc", sample.name());
        assertEquals("https://x", sample.url());
        assertEquals(3L, sample.count());
        assertEquals(true, sample.flag());
        assertEquals("[1,\"a\",{\"b\":null}]", sample.items().toString());
        assertEquals("{\"n\":1.50}", sample.extra().toString());
    }

    @Test
    void absentAndNullMembersAreNull() {
        Sample sample = read("{\"count\":1,\"name\":null,\"items\":null}", Sample.class);
        assertNull(sample.name());
        assertNull(sample.url());
        assertNull(sample.flag());
        assertNull(sample.items());
        assertNull(sample.extra());
    }

    @Test
    void numbersAndBooleansMayComeAsStringsAsTheSeedsSendThem() {
        Sample sample = read("{\"count\":\" 7 \",\"flag\":\"false\"}", Sample.class);
        assertEquals(7L, sample.count());
        assertEquals(false, sample.flag());
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of(ErrorCode.WRONG_TYPE, "'name' must be a string", "{\"name\":12,\"count\":1}"),
                Arguments.of(ErrorCode.WRONG_TYPE, "'name' must be a string", "{\"name\":true,\"count\":1}"),
                Arguments.of(ErrorCode.WRONG_TYPE, "'count' must be a whole number", "{\"count\":\"x\"}"),
                Arguments.of(ErrorCode.WRONG_TYPE, "'count' must be a whole number", "{\"count\":1.5}"),
                Arguments.of(ErrorCode.WRONG_TYPE, "'count' must be a whole number", "{\"count\":[1]}"),
                Arguments.of(ErrorCode.WRONG_TYPE, "'flag' must be true or false", "{\"count\":1,\"flag\":1}"),
                Arguments.of(ErrorCode.WRONG_TYPE, "'items' must be an array", "{\"count\":1,\"items\":{}}"),
                Arguments.of(ErrorCode.WRONG_TYPE, "'extra' must be a JSON object", "{\"count\":1,\"extra\":[]}"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void aValueOfTheWrongJsonTypeIsWrongTypeNotConverted(ErrorCode code, String message, String body) {
        assertRefused(code, message, body);
    }

    @Test
    void aWholeNumberPast64BitsIsOutOfRange() {
        assertRefused(ErrorCode.NUMBER_OUT_OF_RANGE, "'count' is too large", "{\"count\":99999999999999999999}");
        assertRefused(ErrorCode.NUMBER_OUT_OF_RANGE, "'count' is too large", "{\"count\":\"99999999999999999999\"}");
    }

    @Test
    void declaredRulesAnswerInvalidFieldWithTheirMessage() {
        assertRefused(ErrorCode.INVALID_FIELD, "count is required", "{}");
        assertRefused(ErrorCode.INVALID_FIELD, "count must be 1 to 9", "{\"count\":10}");
        assertRefused(ErrorCode.INVALID_FIELD, "url must be an http or https URL", "{\"count\":1,\"url\":\"ftp://x\"}");
        assertRefused(ErrorCode.INVALID_FIELD, "name must have at least 3 characters", "{\"count\":1,\"name\":\"ab\"}");
    }

    @Test
    void rulesOfAGroupApplyOnlyWhenAsked() {
        assertEquals(1L, Bodies.bind(JsonBodies.parseObject("{\"count\":1}"), Sample.class).count());
        assertRefused(ErrorCode.INVALID_FIELD, "'name' is required", "{\"count\":1}", Creating.class);
        assertRefused(ErrorCode.INVALID_FIELD, "'name' is required", "{\"count\":1,\"name\":\"\"}", Creating.class);
        assertRefused(ErrorCode.INVALID_FIELD, "name must have at least 3 characters", "{\"count\":1,\"name\":\"\"}");
    }

    @Test
    void theFirstWrongComponentIsNamedWhateverItsFault() {
        assertRefused(ErrorCode.INVALID_FIELD, "'name' is required", "{\"url\":5}", Creating.class);
        assertRefused(ErrorCode.WRONG_TYPE, "'url' must be a string", "{\"name\":\"abc\",\"url\":5}");
        assertRefused(ErrorCode.INVALID_FIELD, "url must be an http or https URL", "{\"url\":\"x\",\"count\":\"x\"}");
        assertRefused(ErrorCode.WRONG_TYPE, "'count' must be a whole number", "{\"count\":\"x\",\"flag\":3}");
    }

    @Test
    void theStrictReadersChecksComeFirst() {
        assertEquals(ErrorCode.DUPLICATE_MEMBER,
                assertThrows(InvalidInput.class, () -> read("{\"count\":1,\"count\":2}", Sample.class)).code());
        assertEquals(ErrorCode.JSON_TOO_DEEP, assertThrows(InvalidInput.class,
                () -> read("{\"extra\":" + "[".repeat(100) + "]".repeat(100) + "}", Sample.class)).code());
        assertEquals(ErrorCode.MALFORMED_JSON,
                assertThrows(InvalidInput.class, () -> read("{\"count\":1", Sample.class)).code());
        assertEquals(ErrorCode.MALFORMED_JSON,
                assertThrows(InvalidInput.class, () -> read("[1]", Sample.class)).code());
        assertEquals(ErrorCode.NUMBER_OUT_OF_RANGE,
                assertThrows(InvalidInput.class, () -> read("{\"count\":1e999999}", Sample.class)).code());
    }

    @Test
    void aComponentTypeWithoutAJsonRuleIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> read("{\"primitive\":1}", Unsupported.class));
    }
}
