package org.ratatosk.callbacks.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.ratatosk.callbacks.entity.CallbackDelivery;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.control.CommandFinished;

/**
 * Opens a delivery when a command finishes and queues its attempts. Both happen in the caller's
 * transaction, so a callback is durable exactly when the final state is, and never sent for a
 * state that was rolled back.
 * <p>
 * Each queued attempt names how many attempts came before it, so a duplicate of an attempt that
 * already ran is dropped. A timer in memory watches each retry, the attempts that wait in the
 * broker for their delivery delay: should one not have run a grace period after it was due and
 * could have finished, it is queued once more for now. The queue stays the durable record; the
 * watch only covers a broker that is late to hand a delayed message out.
 */
@Stateless
public class CallbackScheduler {

    /** The message property with the number of attempts made before the queued one. */
    public static final String ATTEMPTS_BEFORE = "attemptsBefore";

    private static final Logger LOG = Logger.getLogger(CallbackScheduler.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    JMSContext jms;

    @Inject
    CallbackSettings settings;

    @Resource(lookup = CallbackDestinations.QUEUE)
    Queue queue;

    @Resource
    TimerService timers;

    public void onFinished(@Observes CommandFinished finished) {
        ApiClient client = em.find(ApiClient.class, finished.clientId());
        if (client == null || client.callbackUrl() == null) {
            return;
        }
        Instant now = Instant.now();
        em.persist(new CallbackDelivery(finished.commandId(), UUID.randomUUID().toString(), now));
        attemptAt(finished.commandId(), 0, now);
        LOG.fine("Command " + finished.commandId() + ": callback queued");
    }

    /** Queues the attempt that follows {@code attemptsBefore} failed ones, due at {@code due}. */
    public void attemptAt(String commandId, int attemptsBefore, Instant due) {
        long delay = Math.max(0, Duration.between(Instant.now(), due).toMillis());
        send(commandId, attemptsBefore, delay);
        if (delay > 0) {
            timers.createSingleActionTimer(delay + watchAfterDue().toMillis(),
                    new TimerConfig(new Watch(commandId, attemptsBefore), false));
        }
    }

    @Timeout
    void overdue(Timer timer) {
        Watch watch = (Watch) timer.getInfo();
        CallbackDelivery delivery = em.find(CallbackDelivery.class, watch.commandId());
        if (delivery == null || !delivery.awaits(watch.attemptsBefore())) {
            return;
        }
        LOG.warning("Command " + watch.commandId() + ": callback attempt " + (watch.attemptsBefore() + 1)
                + " has not run " + watchAfterDue().toMillis() + " ms after it was due; queued again for now");
        send(watch.commandId(), watch.attemptsBefore(), 0);
    }

    /** An attempt that has started is over by then: the grace plus the longest a POST can take. */
    private Duration watchAfterDue() {
        return settings.overdueGrace().plus(settings.connectTimeout()).plus(settings.readTimeout());
    }

    private void send(String commandId, int attemptsBefore, long delay) {
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setDeliveryDelay(delay)
                .setProperty(ATTEMPTS_BEFORE, attemptsBefore)
                .send(queue, commandId);
    }

    /** What a watch timer checks: the attempt queued after {@code attemptsBefore} ones. */
    record Watch(String commandId, int attemptsBefore) implements Serializable {
    }
}
