package org.ratatosk.callbacks.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.callbacks.entity.CallbackDelivery;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.NotFound;

/**
 * The operator's view of a command's callback delivery, and a second chance for a dead-lettered
 * one once the client's receiver is fixed: one more attempt under the same delivery id, which
 * dead-letters it again if it fails, as its maximum age has passed.
 */
@Stateless
public class CallbackRedelivery {

    private static final Logger LOG = Logger.getLogger(CallbackRedelivery.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CallbackScheduler scheduler;

    @Inject
    AuditTrail audit;

    public JsonObject view(String commandId) {
        return view(find(commandId, LockModeType.NONE));
    }

    public JsonObject redeliver(String commandId) {
        CallbackDelivery delivery = find(commandId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery.state() != CallbackDelivery.State.DEAD) {
            throw new Conflict(ErrorCode.CALLBACK_NOT_DEAD, "The callback of command " + commandId + " is "
                    + delivery.state() + "; only a DEAD callback is delivered again");
        }
        Instant now = Instant.now(clock);
        delivery.redeliver(now);
        scheduler.attemptAt(commandId, delivery.attempts(), now);
        audit.record("operator", "callback", commandId, "REDELIVER", null);
        LOG.info("Command " + commandId + ": dead callback queued again by the operator (delivery "
                + delivery.deliveryId() + ")");
        return view(delivery);
    }

    /** How many callbacks are waiting for their next attempt and how many were dead-lettered. */
    public JsonObject summary() {
        JsonObjectBuilder counts = Jsons.createObjectBuilder();
        for (CallbackDelivery.State state : new CallbackDelivery.State[] {CallbackDelivery.State.PENDING,
                CallbackDelivery.State.DEAD}) {
            long count = em.createQuery("SELECT COUNT(d) FROM CallbackDelivery d WHERE d.state = :state", Long.class)
                    .setParameter("state", state).getSingleResult();
            counts.add(state.name().toLowerCase(java.util.Locale.ROOT), count);
        }
        return counts.build();
    }

    private CallbackDelivery find(String commandId, LockModeType lock) {
        CallbackDelivery delivery = em.find(CallbackDelivery.class, commandId, lock);
        if (delivery == null) {
            throw new NotFound("Callback of command " + commandId);
        }
        return delivery;
    }

    static JsonObject view(CallbackDelivery delivery) {
        JsonObjectBuilder view = Jsons.createObjectBuilder(delivery.view())
                .add("deliveryId", delivery.deliveryId())
                .add("createdAt", delivery.createdAt().toString());
        if (delivery.lastAttemptAt() != null) {
            view.add("lastAttemptAt", delivery.lastAttemptAt().toString());
        }
        if (delivery.nextAttemptAt() != null) {
            view.add("nextAttemptAt", delivery.nextAttemptAt().toString());
        }
        if (delivery.deliveredAt() != null) {
            view.add("deliveredAt", delivery.deliveredAt().toString());
        }
        return view.build();
    }
}
