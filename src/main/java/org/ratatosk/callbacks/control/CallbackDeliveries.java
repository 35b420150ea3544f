package org.ratatosk.callbacks.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.ratatosk.callbacks.entity.CallbackAttempt;
import org.ratatosk.callbacks.entity.CallbackDelivery;
import org.ratatosk.clients.control.CallbackCredentials;
import org.ratatosk.clients.control.SealedSecret;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.control.Commands;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.Metrics;

/**
 * One attempt at a delivery, in the transaction of the queue message that asked for it: the
 * outcome, and the next attempt when there is one, commit together, and a crash mid-attempt
 * brings the message back. The delivery row records when the next attempt is due, so that
 * {@link CallbackRecovery} queues it again when the broker has lost it.
 */
@Stateless
public class CallbackDeliveries {

    private static final Logger LOG = Logger.getLogger(CallbackDeliveries.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Commands commands;

    @Inject
    CallbackSender sender;

    @Inject
    CallbackScheduler scheduler;

    @Inject
    CallbackSettings settings;

    @Inject
    Metrics metrics;

    @Inject
    CallbackCredentials credentials;

    @Inject
    Config config;

    /** One POST, with the client's Basic credentials opened for it; they are never logged. */
    private CallbackSender.Outcome post(String url, ApiClient client, CallbackDelivery delivery, Command command) {
        String basicAuth;
        try {
            basicAuth = credentials.open(client).orElse(null);
        } catch (SealedSecret.Unreadable e) {
            LOG.warning("Command " + command.id() + ": " + e.getMessage() + " (API client " + client.clientId() + ")");
            return CallbackSender.Outcome.failed("The callback credentials cannot be read with this server's secret");
        }
        return sender.post(url, basicAuth, delivery.deliveryId(), commands.finalEnvelope(command).toString());
    }

    /**
     * The attempt queued after {@code attemptsBefore} failed ones; empty for a message queued
     * without that count, which is always taken as the next attempt. The attempt's row in the
     * history is written with its outcome, in this transaction.
     */
    public void attempt(String commandId, OptionalInt attemptsBefore) {
        CallbackDelivery delivery = em.find(CallbackDelivery.class, commandId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.state() != CallbackDelivery.State.PENDING) {
            return;
        }
        if (attemptsBefore.isPresent() && !delivery.awaits(attemptsBefore.getAsInt())) {
            LOG.fine("Command " + commandId + ": callback attempt " + (attemptsBefore.getAsInt() + 1) + " already ran");
            return;
        }
        Command command = em.find(Command.class, commandId);
        ApiClient client = command == null ? null : em.find(ApiClient.class, command.clientId());
        Instant started = clock.instant();
        CallbackSender.Outcome outcome;
        String url = null;
        if (client == null || client.callbackUrl() == null) {
            outcome = CallbackSender.Outcome.failed("The API client or its callback URL was removed");
        } else {
            url = CallbackSender.url(client.callbackUrl(), command.type().path());
            outcome = post(url, client, delivery, command);
        }
        Instant now = clock.instant();
        if (outcome.delivered()) {
            delivery.delivered(now);
            record(delivery, started, now, outcome);
            metrics.callbackAttempt("delivered");
            LOG.info("Command " + commandId + ": callback delivered to " + url + " (attempt " + delivery.attempts() + ")");
            return;
        }
        String error = outcome.error();
        delivery.failed(error, now);
        record(delivery, started, now, outcome);
        metrics.callbackAttempt("failed");
        Optional<Instant> next = client == null || client.callbackUrl() == null ? Optional.empty()
                : settings.schedule().next(delivery.createdAt(), delivery.attempts(), now);
        if (next.isPresent()) {
            delivery.retryAt(next.get());
            scheduler.attemptAt(commandId, delivery.attempts(), next.get());
            LOG.info("Command " + commandId + ": callback attempt " + delivery.attempts() + " to " + url + " failed ("
                    + error + "); next at " + next.get());
        } else {
            delivery.dead();
            metrics.deadLetter("callback");
            LOG.warning("Command " + commandId + ": callback dead-lettered after " + delivery.attempts()
                    + " attempt(s); last error: " + error);
        }
    }

    /** The attempt just counted on the delivery, as its history shows it. */
    private void record(CallbackDelivery delivery, Instant started, Instant ended, CallbackSender.Outcome outcome) {
        em.persist(new CallbackAttempt(delivery.commandId(), delivery.attempts(), started, ended, outcome.httpStatus(),
                outcome.error(), config.nodeName()));
    }
}
