package org.ratatosk.callbacks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ratatosk.testsupport.MappingDatabase;

/** A delivery's life under EclipseLink (Payara's JPA provider), changed only through its own methods. */
class CallbackDeliveryMappingTest {

    @RegisterExtension
    static final MappingDatabase DATABASE = new MappingDatabase();

    @Test
    void deliveryIsStoredAndShownAsTheEnvelopeField() {
        Instant now = Instant.now();
        DATABASE.inTransaction(em -> em.persist(new CallbackDelivery("c1", "d1", now)));
        DATABASE.inTransaction(em -> em.find(CallbackDelivery.class, "c1", LockModeType.PESSIMISTIC_WRITE)
                .failed("HTTP 500", now.plusSeconds(1)));
        DATABASE.inTransaction(em -> em.find(CallbackDelivery.class, "c1").delivered(now.plusSeconds(2)));
        DATABASE.inTransaction(em -> {
            CallbackDelivery delivery = em.find(CallbackDelivery.class, "c1");
            assertEquals("{\"state\":\"DELIVERED\",\"attempts\":2,\"lastError\":\"HTTP 500\"}", delivery.view().toString());
            assertEquals("d1", delivery.deliveryId());
            assertThrows(IllegalStateException.class, () -> delivery.failed("late", now));
        });
        DATABASE.inTransaction(em -> {
            CallbackDelivery dead = new CallbackDelivery("c2", "d2", now);
            dead.failed("x".repeat(2000), now);
            dead.dead();
            em.persist(dead);
        });
        DATABASE.inTransaction(em -> {
            CallbackDelivery dead = em.find(CallbackDelivery.class, "c2");
            assertEquals(CallbackDelivery.State.DEAD, dead.state());
            assertEquals(1024, dead.lastError().length());
        });
    }
}
