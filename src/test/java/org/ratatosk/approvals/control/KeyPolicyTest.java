package org.ratatosk.approvals.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;

/** A policy's {@code keyStatus}, held to its types wherever a policy is given. */
class KeyPolicyTest {

    static jakarta.json.JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"keyStatus\":5}|'keyStatus' must be a JSON object",
            "{\"keyStatus\":[]}|'keyStatus' must be a JSON object",
            "{\"keyStatus\":\"blocked\"}|'keyStatus' must be a JSON object",
            "{\"keyStatus\":false}|'keyStatus' must be a JSON object",
            "{\"keyStatus\":{\"blocked\":1}}|'blocked' must be true or false",
            "{\"keyStatus\":{\"blocked\":{}}}|'blocked' must be true or false",
            "{\"keyStatus\":{\"blocked\":[]}}|'blocked' must be true or false",
            "{\"keyStatus\":{\"blocked\":\"yes\"}}|'blocked' must be true or false"})
    void aKeyStatusOfTheWrongTypeIsRefused(String policy, String message) {
        DomainException refused = assertThrows(DomainException.class, () -> KeyPolicy.parse(json(policy)));
        assertEquals(ErrorCode.WRONG_TYPE, refused.code());
        assertEquals(message, refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"keyStatus\":null}", "{\"keyStatus\":{}}", "{\"keyStatus\":{\"blocked\":null}}",
            "{\"keyStatus\":{\"blocked\":true}}", "{\"keyStatus\":{\"blocked\":\"false\"}}"})
    void aKeyStatusOfTheRightTypeIsAccepted(String policy) {
        assertEquals(KeyPolicy.OPEN, KeyPolicy.parse(json(policy)));
    }

    @Test
    void aStoredPolicyIsReadAsStored() {
        assertEquals(true, KeyPolicy.initiallyBlocked(json("{\"keyStatus\":{\"blocked\":true}}")));
        assertEquals(KeyPolicy.OPEN, KeyPolicy.fromStored("{\"keyStatus\":5}"));
    }

    /** The rules are read before the key status, and the status object before what it holds. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"keyStatus\":{\"blocked\":1},\"ruleUse\":5}|INVALID_POLICY 'ruleUse' must be an object",
            "{\"keyStatus\":5,\"ruleModify\":[]}|INVALID_POLICY 'ruleModify' must be an object",
            "{\"keyStatus\":{\"blocked\":1,\"other\":[]},\"unknown\":5}|WRONG_TYPE 'blocked' must be true or false",
            "{\"keyStatus\":{\"Blocked\":1}}|accepted"})
    void theFirstFaultOfAPolicyIsAnsweredAsBefore(String policy, String answer) {
        String actual;
        try {
            KeyPolicy.parse(json(policy));
            actual = "accepted";
        } catch (DomainException e) {
            actual = e.code() + " " + e.getMessage();
        }
        assertEquals(answer, actual, policy);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5|false", "[]|false", "{}|false",
            "{\"keyStatus\":5}|WRONG_TYPE 'keyStatus' must be a JSON object",
            "{\"keyStatus\":{\"blocked\":5}}|WRONG_TYPE 'blocked' must be true or false",
            "{\"keyStatus\":{\"blocked\":false}}|false",
            "{\"keyStatus\":{\"blocked\":\"true\"}}|true"})
    void aKeyIsBlockedAtFirstOnlyWhenItsPolicySaysSo(String policy, String answer) {
        String actual;
        try {
            actual = String.valueOf(KeyPolicy.initiallyBlocked(json(policy)));
        } catch (DomainException e) {
            actual = e.code() + " " + e.getMessage();
        }
        assertEquals(answer, actual, policy);
    }
}
