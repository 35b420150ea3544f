package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSRuntimeException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BrokerGateTest {

    @Test
    void aFailedSendClosesTheGateAndTheNextSendIsRefusedWithoutTryingTheBroker() {
        BrokerGate gate = new BrokerGate();
        AtomicInteger tries = new AtomicInteger();
        JMSRuntimeException lost = new JMSRuntimeException("AMQ219014: Timed out");
        JMSRuntimeException thrown = assertThrows(JMSRuntimeException.class, () -> gate.send(() -> {
            tries.incrementAndGet();
            throw lost;
        }));
        assertSame(lost, thrown, "the send's own failure goes to the caller");

        JMSRuntimeException refused = assertThrows(JMSRuntimeException.class, () -> gate.send(tries::incrementAndGet));
        assertEquals("MESSAGING_UNAVAILABLE", refused.getErrorCode());
        assertEquals(1, tries.get(), "the second send never reached the broker");
    }

    @Test
    void aHealthCheckThatReachesTheBrokerOpensTheGate() {
        BrokerGate gate = new BrokerGate();
        gate.unreachable("health check");
        assertThrows(JMSRuntimeException.class, () -> gate.send(() -> "sent"));
        gate.reachable();
        assertEquals("sent", gate.send(() -> "sent"));
    }

    @Test
    void anOpenGateSendsAndMapsNothing() {
        BrokerGate gate = new BrokerGate();
        assertEquals(42, gate.send(() -> 42));
        assertEquals(43, gate.send(() -> 43));
    }
}
