package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each of the domain's exceptions answered with its status, headers and body, in the contract's and in TSB's shape. */
class ErrorAnswersTest {

    static ErrorMapper.Answer contract(Throwable thrown) {
        return ErrorMapper.answer(thrown, false);
    }

    static ErrorMapper.Answer tsb(Throwable thrown) {
        return ErrorMapper.answer(thrown, true);
    }

    @Test
    void invalidInputIsA400WithItsCode() {
        ErrorMapper.Answer answer = contract(InvalidInput.field("'lifespan' is required"));
        assertEquals(400, answer.status());
        assertEquals(Map.of(), answer.headers());
        assertEquals("{\"code\":\"INVALID_FIELD\",\"message\":\"'lifespan' is required\",\"details\":{}}", answer.body());
        assertEquals(415, contract(new InvalidInput(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Request bodies must be UTF-8")).status());
        assertEquals(413, contract(new InvalidInput(ErrorCode.PAYLOAD_TOO_LARGE, "too large")).status());
    }

    @Test
    void notFoundIsA404() {
        ErrorMapper.Answer answer = contract(new NotFound("Command c-1"));
        assertEquals(404, answer.status());
        assertEquals("{\"code\":\"NOT_FOUND\",\"message\":\"Command c-1 not found\",\"details\":{}}", answer.body());
        assertEquals("{\"code\":\"KEY_NOT_FOUND\",\"message\":\"No key labelled 'k'\",\"details\":{}}",
                contract(new NotFound(ErrorCode.KEY_NOT_FOUND, "No key labelled 'k'")).body());
    }

    @Test
    void conflictsAre409OrGoneAs410ByTheirCode() {
        assertEquals(409, contract(new Conflict(ErrorCode.KEY_EXISTS, "exists")).status());
        assertEquals(410, contract(new Conflict(ErrorCode.MAILBOX_CLOSED, "closed")).status());
        ErrorMapper.Answer timelocked = contract(new Conflict(ErrorCode.TIMELOCKED, "not yet", Map.of("notBefore", "2026-01-01T00:00:00Z")));
        assertEquals(409, timelocked.status());
        assertEquals("{\"code\":\"TIMELOCKED\",\"message\":\"not yet\",\"details\":{\"notBefore\":\"2026-01-01T00:00:00Z\"}}",
                timelocked.body());
    }

    @Test
    void refusalsTakeTheirCodesStatusAndSayWhenToTryAgain() {
        assertEquals(403, contract(new Refused(ErrorCode.APPROVAL_REQUIRED, "governed")).status());
        assertEquals(422, contract(new Refused(ErrorCode.INVALID_SIGNATURE, "bad")).status());
        ErrorMapper.Answer locked = contract(new Refused(ErrorCode.TOO_MANY_ATTEMPTS, "Too many failed logins; try again in 60 seconds",
                Map.of("retryAfter", 60L), Duration.ofSeconds(60)));
        assertEquals(429, locked.status());
        assertEquals(Map.of("Retry-After", "60"), locked.headers());
        assertEquals("{\"code\":\"TOO_MANY_ATTEMPTS\",\"message\":\"Too many failed logins; try again in 60 seconds\","
                + "\"details\":{\"retryAfter\":\"60\"}}", locked.body());
    }

    @Test
    void aRefusedAnswerIs422WhateverItsCodesDefault() {
        assertEquals(400, contract(new InvalidInput(ErrorCode.MALFORMED_JWS, "not three parts")).status());
        ErrorMapper.Answer refused = contract(new RefusedAnswer(ErrorCode.MALFORMED_JWS, "the inner JWS is broken"));
        assertEquals(422, refused.status());
        assertEquals("{\"code\":\"MALFORMED_JWS\",\"message\":\"the inner JWS is broken\",\"details\":{}}", refused.body());
        assertEquals(422, contract(new RefusedAnswer(ErrorCode.NONCE_MISMATCH, "nonce")).status());
    }

    @Test
    void unauthenticatedIsA401WithTheBearerChallengeUnlessItNamesAScheme() {
        ErrorMapper.Answer bearer = contract(new Unauthenticated("Bearer token required"));
        assertEquals(401, bearer.status());
        assertEquals(Map.of("WWW-Authenticate", "Bearer"), bearer.headers());
        assertEquals("{\"code\":\"UNAUTHORIZED\",\"message\":\"Bearer token required\",\"details\":{}}", bearer.body());
        ErrorMapper.Answer basic = contract(new Unauthenticated("Operator credentials required").withScheme("Basic realm=\"hermod\""));
        assertEquals(Map.of("WWW-Authenticate", "Basic realm=\"hermod\""), basic.headers());
        assertEquals(bearer.status(), basic.status());
    }

    @Test
    void theContainersWrappersAreTakenOff() {
        EJBTransactionRolledbackException rolledBack = new EJBTransactionRolledbackException("rolled back");
        rolledBack.initCause(new EJBException(new Conflict(ErrorCode.ALREADY_ANSWERED, "answered")));
        ErrorMapper.Answer answer = contract(rolledBack);
        assertEquals(409, answer.status());
        assertEquals("{\"code\":\"ALREADY_ANSWERED\",\"message\":\"answered\",\"details\":{}}", answer.body());
    }

    @Test
    void failuresOfTheServerAndItsResourcesHaveCodesOfTheirOwn() {
        ErrorMapper.Answer hsm = contract(new HsmUnavailableException("gone", new RuntimeException()));
        assertEquals(503, hsm.status());
        assertEquals("{\"code\":\"HSM_UNAVAILABLE\",\"message\":\"The HSM cannot be reached; try again later\",\"details\":{}}", hsm.body());
        ErrorMapper.Answer broker = contract(new EJBException(new jakarta.jms.JMSRuntimeException("AMQ219007")));
        assertEquals(503, broker.status());
        assertEquals(Map.of("Retry-After", "5"), broker.headers());
        assertTrue(broker.body().startsWith("{\"code\":\"MESSAGING_UNAVAILABLE\""), broker.body());
        ErrorMapper.Answer race = contract(ErrorMapperTest.rolledBack(new OptimisticLockException("stale")));
        assertEquals(409, race.status());
        assertTrue(race.body().startsWith("{\"code\":\"CONCURRENT_CHANGE\""), race.body());
        assertEquals(400, contract(new jakarta.json.stream.JsonParsingException("bad", null)).status());
        ErrorMapper.Answer bug = contract(new IllegalStateException("a bug"));
        assertEquals(500, bug.status());
        assertTrue(bug.body().matches("\\{\"code\":\"INTERNAL_ERROR\",\"message\":\"Unexpected server error; incident ([0-9a-f-]{36})\","
                + "\"details\":\\{\"incident\":\"\\1\"}}"), bug.body());
    }

    @Test
    void theKeyApiAddsTsbsNumberAndReason() {
        assertEquals("{\"code\":\"KEY_NOT_FOUND\",\"message\":\"No key labelled 'k'\",\"details\":{},"
                + "\"errorCode\":630,\"reason\":\"res.error.key.not.found\"}",
                tsb(new NotFound(ErrorCode.KEY_NOT_FOUND, "No key labelled 'k'")).body());
        assertEquals("{\"code\":\"INVALID_FIELD\",\"message\":\"'label' is required\",\"details\":{},"
                + "\"errorCode\":400,\"reason\":\"res.error.invalid.field\"}",
                tsb(InvalidInput.field("'label' is required")).body(), "a code without a number of its own gives its status");
        assertEquals("{\"code\":\"UNWRAP_FAILED\",\"message\":\"refused\",\"details\":{},"
                + "\"errorCode\":701,\"reason\":\"res.error.in.hsm\"}",
                tsb(new InvalidInput(ErrorCode.UNWRAP_FAILED, "refused")).body());
        ErrorMapper.Answer apiKey = tsb(new Unauthenticated(ErrorCode.INVALID_API_KEY, "The API key is not valid").withScheme("ApiKey"));
        assertEquals(401, apiKey.status());
        assertEquals(Map.of("WWW-Authenticate", "ApiKey"), apiKey.headers());
        assertEquals("{\"code\":\"INVALID_API_KEY\",\"message\":\"The API key is not valid\",\"details\":{},"
                + "\"errorCode\":631,\"reason\":\"res.error.invalid.api.key\"}", apiKey.body());
        ErrorMapper.Answer hsm = tsb(new HsmUnavailableException("gone", new RuntimeException()));
        assertEquals(503, hsm.status());
        assertTrue(hsm.body().endsWith(",\"errorCode\":700,\"reason\":\"res.error.hsm.unavailable\"}"), hsm.body());
        ErrorMapper.Answer timelocked = tsb(new Conflict(ErrorCode.TIMELOCKED, "not yet", Map.of("notBefore", "t")));
        assertEquals("{\"code\":\"TIMELOCKED\",\"message\":\"not yet\",\"details\":{\"notBefore\":\"t\"},"
                + "\"errorCode\":662,\"reason\":\"res.error.timelocked\"}", timelocked.body());
    }

    @Test
    void tsbNumbersAreTheOnesTheKeyApiAlwaysAnswered() {
        Map<String, Integer> published = Map.ofEntries(
                Map.entry("KEY_NOT_FOUND", 630), Map.entry("INVALID_API_KEY", 631), Map.entry("KEY_EXISTS", 632),
                Map.entry("KEY_BLOCKED", 633), Map.entry("KEY_NOT_BLOCKED", 634), Map.entry("KEY_NOT_DESTROYABLE", 635),
                Map.entry("KEY_NOT_MODIFIABLE", 636), Map.entry("ATTRIBUTES_LOOSENED", 637), Map.entry("KEY_USAGE_NOT_ALLOWED", 638),
                Map.entry("KEY_MATERIAL_MISSING", 639), Map.entry("APPROVAL_REQUIRED", 640), Map.entry("NO_CA_CERTIFICATE", 641),
                Map.entry("REQUEST_NOT_FOUND", 650), Map.entry("REQUEST_EXPIRED", 651), Map.entry("REQUEST_NOT_PENDING", 652),
                Map.entry("REQUEST_FINAL", 653), Map.entry("NOT_AN_APPROVER", 660), Map.entry("ALREADY_DECIDED", 661),
                Map.entry("TIMELOCKED", 662), Map.entry("STALE_APPROVAL", 663), Map.entry("INVALID_SIGNATURE", 664),
                Map.entry("STALE_TIMESTAMP", 665), Map.entry("TIMESTAMP_REPLAYED", 666), Map.entry("WRAP_FAILED", 701),
                Map.entry("UNWRAP_FAILED", 701), Map.entry("HSM_UNAVAILABLE", 700));
        for (ErrorCode code : ErrorCode.values()) {
            int expected = published.getOrDefault(code.name(), 0);
            assertEquals(expected, code.tsbNumber(), code.name());
        }
    }
}
