package org.ratatosk.callbacks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which queued attempt a delivery still waits for, so a duplicate or late copy of one is dropped. */
class CallbackDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aNewDeliveryAwaitsOnlyItsFirstAttempt() {
        CallbackDelivery delivery = new CallbackDelivery("c1", "d1", NOW);
        assertTrue(delivery.awaits(0));
        assertFalse(delivery.awaits(1));
    }

    @Test
    void afterAFailedAttemptOnlyTheNextOneIsAwaited() {
        CallbackDelivery delivery = new CallbackDelivery("c1", "d1", NOW);
        delivery.failed("ConnectException", NOW);
        delivery.failed("HTTP 500", NOW.plusSeconds(1));
        assertFalse(delivery.awaits(0), "a copy of the first attempt");
        assertFalse(delivery.awaits(1), "a copy of the second attempt");
        assertTrue(delivery.awaits(2));
    }

    @Test
    void anEndedDeliveryAwaitsNothing() {
        CallbackDelivery delivered = new CallbackDelivery("c1", "d1", NOW);
        delivered.delivered(NOW);
        assertFalse(delivered.awaits(1));
        assertFalse(delivered.awaits(0));

        CallbackDelivery dead = new CallbackDelivery("c2", "d2", NOW);
        dead.failed("ConnectException", NOW);
        dead.dead();
        assertFalse(dead.awaits(1));
    }

    @Test
    void theNextAttemptIsDueAtOnceThenWhenARetryIsScheduledAndNeverOnceEnded() {
        CallbackDelivery delivery = new CallbackDelivery("c1", "d1", NOW);
        assertEquals(NOW, delivery.nextAttemptAt(), "the first attempt is due when the command finished");
        delivery.failed("HTTP 503", NOW.plusMillis(40));
        assertEquals(NOW, delivery.nextAttemptAt(), "still due until the next one is scheduled");
        delivery.retryAt(NOW.plusSeconds(5));
        assertEquals(NOW.plusSeconds(5), delivery.nextAttemptAt());
        delivery.delivered(NOW.plusSeconds(6));
        assertNull(delivery.nextAttemptAt());
        assertThrows(IllegalStateException.class, () -> delivery.retryAt(NOW.plusSeconds(10)));

        CallbackDelivery dead = new CallbackDelivery("c2", "d2", NOW);
        dead.failed("ConnectException", NOW);
        dead.retryAt(NOW.plusSeconds(5));
        dead.dead();
        assertNull(dead.nextAttemptAt());
    }

    @Test
    void aDeadDeliveryRedeliveredAwaitsItsNextAttemptUnderTheSameId() {
        CallbackDelivery delivery = new CallbackDelivery("c1", "d1", NOW);
        delivery.failed("HTTP 500", NOW);
        delivery.dead();
        delivery.redeliver(NOW.plusSeconds(60));
        assertEquals(CallbackDelivery.State.PENDING, delivery.state());
        assertEquals(NOW.plusSeconds(60), delivery.nextAttemptAt());
        assertTrue(delivery.awaits(1));
        assertFalse(delivery.awaits(0), "a late copy of the attempt before it died");
        delivery.delivered(NOW.plusSeconds(61));
        assertEquals("d1", delivery.deliveryId());
        assertEquals(2, delivery.attempts());
        assertEquals(NOW.plusSeconds(61), delivery.deliveredAt());
    }

    @Test
    void onlyADeadDeliveryIsRedelivered() {
        CallbackDelivery pending = new CallbackDelivery("c1", "d1", NOW);
        assertThrows(IllegalStateException.class, () -> pending.redeliver(NOW));
        CallbackDelivery delivered = new CallbackDelivery("c2", "d2", NOW);
        delivered.delivered(NOW);
        assertThrows(IllegalStateException.class, () -> delivered.redeliver(NOW));
        assertEquals(CallbackDelivery.State.DELIVERED, delivered.state());
    }
}
