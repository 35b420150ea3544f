package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMapperTest {

    static Exception rolledBack(Throwable cause) {
        EJBTransactionRolledbackException commit = new EJBTransactionRolledbackException("commit failed");
        commit.initCause(new PersistenceException("flush", cause));
        return commit;
    }

    @Test
    void aLostRaceForAKeyOrARowVersionIsAConflict() {
        assertTrue(ErrorMapper.concurrentChange(rolledBack(new SQLIntegrityConstraintViolationException("dup", "23505"))));
        assertTrue(ErrorMapper.concurrentChange(rolledBack(new OptimisticLockException("stale"))));
        assertFalse(ErrorMapper.concurrentChange(rolledBack(new SQLIntegrityConstraintViolationException("null", "23502"))),
                "a missing value is a bug, not a race");
    }

    @Test
    void aBrokerThatCannotBeReachedIsUnavailableNotAnIncident() {
        assertTrue(ErrorMapper.brokerUnreachable(new jakarta.ejb.EJBException(
                new jakarta.jms.JMSRuntimeException("Failed to create session factory"))));
        assertTrue(ErrorMapper.brokerUnreachable(rolledBack(new jakarta.jms.JMSException("AMQ219007"))));
        assertTrue(ErrorMapper.brokerUnreachable(rolledBack(new javax.transaction.xa.XAException(
                javax.transaction.xa.XAException.XA_RBCOMMFAIL))));
        assertFalse(ErrorMapper.brokerUnreachable(rolledBack(new OptimisticLockException("stale"))));
    }

    @Test
    void aBodyTheClientNeverFinishedIsItsBadRequest() {
        assertTrue(ErrorMapper.unreadableBody(new jakarta.ws.rs.ProcessingException(new java.io.IOException("Blocking read timeout"))));
        assertFalse(ErrorMapper.unreadableBody(new jakarta.ws.rs.ProcessingException("other")),
                "a processing failure of ours stays an incident");
        assertFalse(ErrorMapper.unreadableBody(new java.io.UncheckedIOException(new java.io.IOException("disk"))));
    }

    @Test
    void theErrorBodyIsTheContracts() {
        assertEquals("{\"code\":\"X_Y\",\"message\":\"Said.\",\"details\":{\"n\":\"1\"}}",
                ErrorMapper.body("X_Y", "Said.", java.util.Map.of("n", 1)).toString());
    }

    @Test
    void containerErrorsHaveCodesAndSentencesOfTheirOwn() {
        assertEquals("METHOD_NOT_ALLOWED", ContainerErrors.describe(405).getKey());
        assertEquals("PAYLOAD_TOO_LARGE", ContainerErrors.describe(413).getKey());
        assertEquals("HTTP_418", ContainerErrors.describe(418).getKey());
        assertEquals("INTERNAL_ERROR", ContainerErrors.describe(502).getKey());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "v1, true", "/v1, true", "v1/, true", "v1/synchronousSign, true", "/v1/key/k/modify, true", "v1/nothing/at/all, true",
            "v1nothing, false", "v2/key, false", "nothing/v1, false", "/commands, false", "'', false", "NULL, false"})
    void theTsbWireIsEveryPathUnderItsRoot(String path, boolean tsb) {
        assertEquals(tsb, ErrorMapper.tsbPath(path), path);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "/hermod, /hermod/rest/v1/synchronousSign, true", "/hermod, /hermod/rest/v1, true", "'', /rest/v1/key, true",
            "/hermod, /hermod/rest/v1nothing, false", "/hermod, /hermod/rest/commands, false", "/hermod, /hermod/v1/key, false",
            "/hermod, /hermod/console/v1, false", "/hermod, NULL, false"})
    void containerErrorsUnderTheTsbRootAreTsbs(String contextPath, String uri, boolean tsb) {
        assertEquals(tsb, ContainerErrors.tsbPath(contextPath, uri), uri);
    }

    @Test
    void containerErrorsCarryTsbsNumberOnlyOnItsWire() {
        assertEquals("{\"code\":\"PAYLOAD_TOO_LARGE\",\"message\":\"Request body exceeds 1048576 bytes\",\"details\":{},"
                + "\"errorCode\":413,\"reason\":\"res.error.payload.too.large\"}",
                ContainerErrors.body(413, ContainerErrors.describe(413), true));
        assertEquals("{\"code\":\"HTTP_418\",\"message\":\"Request refused\",\"details\":{},"
                + "\"errorCode\":418,\"reason\":\"res.error.http.418\"}",
                ContainerErrors.body(418, ContainerErrors.describe(418), true));
        assertEquals("{\"code\":\"NOT_FOUND\",\"message\":\"No such resource\",\"details\":{}}",
                ContainerErrors.body(404, ContainerErrors.describe(404), false));
    }

    @Test
    void aRetryReplaysOnlyALostRace() {
        AtomicInteger calls = new AtomicInteger();
        String done = ConcurrentChanges.retryOnce(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new RuntimeException(rolledBack(new SQLIntegrityConstraintViolationException("dup", "23505")));
            }
            return "replaced";
        });
        assertEquals("replaced", done);
        assertEquals(2, calls.get());
        AtomicInteger once = new AtomicInteger();
        assertThrows(DomainException.class, () -> ConcurrentChanges.retryOnce(() -> {
            once.incrementAndGet();
            throw InvalidInput.field("no");
        }));
        assertEquals(1, once.get());
    }

    @Test
    void urlsAndQueryParametersAreCheckedBeforeTheRouterSeesThem() {
        assertTrue(RequestSyntax.validEscapes("/hermod/rest/admin/clients/%C3%A4%20b"));
        assertTrue(RequestSyntax.validEscapes(null));
        assertFalse(RequestSyntax.validEscapes("/hermod/rest/health%zz"));
        assertFalse(RequestSyntax.validEscapes("/hermod/rest/v1/key/%00"));
        assertFalse(RequestSyntax.validEscapes("/hermod/rest/v1/key/a%00b%41"));
        assertTrue(RequestSyntax.validEscapes("/hermod/rest/v1/key/%01"));
        assertFalse(RequestSyntax.validEscapes("wait=%"));
        assertFalse(RequestSyntax.validEscapes("/x/%C3%28"), "escapes that are not UTF-8");
        for (String path : new String[] {"/hermod/rest/v1/key/a;b=c", "/hermod/rest/v1/key/a%2Fb", "/hermod/rest/v1/key/..",
            "/hermod/rest/admin;x=1/clients", "/hermod/rest/v1/key/%5B%5D", "/hermod/rest/v1/key/a@b:c~d!e$f&g'h(i)j*k+l,m=n"}) {
            assertTrue(RequestSyntax.uriPath(path), path);
        }
        for (String path : new String[] {"/hermod/rest/health/[", "/hermod/rest/v1/key/a]b", "/hermod/rest/v1/key/[::1]"}) {
            assertFalse(RequestSyntax.uriPath(path), path + ": the router's URI refuses it");
        }
        assertEquals(5, QueryParameters.upTo("wait", "5", 60));
        assertNull(QueryParameters.upTo("wait", null, 60));
        for (String bad : new String[] {"abc", "-1", "61", "99999999999", "1.5", ""}) {
            assertEquals(ErrorCode.INVALID_FIELD, assertThrows(DomainException.class, () -> QueryParameters.upTo("wait", bad, 60)).code(), bad);
        }
    }
}
