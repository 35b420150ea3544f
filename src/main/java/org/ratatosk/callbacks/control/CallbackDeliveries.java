package org.ratatosk.callbacks.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
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
 * Attempts at deliveries, in the transaction of the queue message that asked for them: the
 * outcome, its row in the history and the next attempt when there is one commit together, and a
 * crash mid-attempt brings the message back, whose POSTs are then made again under the same
 * delivery ids. The delivery row records when the next attempt is due, so that
 * {@link CallbackRecovery} queues it again when the broker has lost it.
 */
@Stateless
public class CallbackDeliveries {

    /** POSTs of one message of first attempts in flight at once. */
    static final int IN_FLIGHT = 16;

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

    /**
     * One attempt about to be made: its POST, or, when none can be made, the failure it comes to
     * at once.
     */
    private record Attempt(CallbackDelivery delivery, ApiClient client, String url, CallbackSender.Post post,
                           CallbackSender.Outcome failure) {

        boolean retriable() {
            return client != null && client.callbackUrl() != null;
        }
    }

    /** The client's Basic credentials ({@code user:password}, or null), or why they cannot be read. */
    private record Credentials(String basicAuth, String unreadable) {
    }

    /** The credentials are opened for the POSTs only; they are never logged. */
    private Credentials open(ApiClient client) {
        try {
            return new Credentials(credentials.open(client).orElse(null), null);
        } catch (SealedSecret.Unreadable e) {
            LOG.warning(e.getMessage() + " (API client " + client.clientId() + ")");
            return new Credentials(null, "The callback credentials cannot be read with this server's secret");
        }
    }

    private Attempt prepare(CallbackDelivery delivery, Command command, ApiClient client,
                            Supplier<Credentials> opened, Supplier<JsonObject> envelope) {
        if (client == null || client.callbackUrl() == null) {
            return new Attempt(delivery, client, null, null,
                    CallbackSender.Outcome.failed("The API client or its callback URL was removed"));
        }
        String url = CallbackSender.url(client.callbackUrl(), command.type().path());
        Credentials basic = opened.get();
        if (basic.unreadable() != null) {
            return new Attempt(delivery, client, url, null, CallbackSender.Outcome.failed(basic.unreadable()));
        }
        return new Attempt(delivery, client, url,
                new CallbackSender.Post(url, basic.basicAuth(), delivery.deliveryId(), envelope.get().toString()), null);
    }

    /**
     * The attempt queued after {@code attemptsBefore} failed ones; empty for a message queued
     * without that count, which is always taken as the next attempt.
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
        Attempt attempt = prepare(delivery, command, client, () -> open(client), () -> commands.finalEnvelope(command));
        CallbackSender.Timed outcome = attempt.post() == null ? immediately(attempt.failure())
                : sender.postAll(List.of(attempt.post()), 1).get(0);
        if (conclude(attempt, outcome)) {
            LOG.info("Command " + commandId + ": callback delivered to " + attempt.url() + " (attempt "
                    + delivery.attempts() + ")");
        }
    }

    /**
     * The first attempts of the commands' deliveries, made together: the deliveries, commands and
     * envelopes are read with a few queries, the POSTs go out concurrently ({@value #IN_FLIGHT} at
     * a time) and every outcome is recorded in this one transaction. A delivery whose first attempt
     * already ran (a copy the recovery queued) is left alone; a failed one is retried on its own.
     */
    public void attemptAll(List<String> commandIds) {
        List<CallbackDelivery> due = em.createQuery("SELECT d FROM CallbackDelivery d WHERE d.commandId IN :ids"
                        + " ORDER BY d.commandId", CallbackDelivery.class)
                .setParameter("ids", commandIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .filter(delivery -> delivery.awaits(0))
                .toList();
        if (due.isEmpty()) {
            return;
        }
        Map<String, Command> finals = new HashMap<>();
        em.createQuery("SELECT c FROM Command c WHERE c.id IN :ids", Command.class)
                .setParameter("ids", due.stream().map(CallbackDelivery::commandId).toList())
                .getResultList().forEach(command -> finals.put(command.id(), command));
        Map<String, JsonObject> envelopes = commands.finalEnvelopes(List.copyOf(finals.values()));
        Map<String, Credentials> opened = new HashMap<>();
        List<Attempt> attempts = new ArrayList<>(due.size());
        List<CallbackSender.Post> posts = new ArrayList<>(due.size());
        for (CallbackDelivery delivery : due) {
            Command command = finals.get(delivery.commandId());
            ApiClient client = command == null ? null : em.find(ApiClient.class, command.clientId());
            Attempt attempt = prepare(delivery, command, client,
                    () -> opened.computeIfAbsent(client.clientId(), id -> open(client)),
                    () -> envelopes.get(command.id()));
            attempts.add(attempt);
            if (attempt.post() != null) {
                posts.add(attempt.post());
            }
        }
        List<CallbackSender.Timed> outcomes = sender.postAll(posts, IN_FLIGHT);
        int posted = 0;
        int delivered = 0;
        for (Attempt attempt : attempts) {
            CallbackSender.Timed outcome = attempt.post() == null ? immediately(attempt.failure()) : outcomes.get(posted++);
            if (conclude(attempt, outcome)) {
                delivered++;
            }
        }
        LOG.info("First callback attempts of " + attempts.size() + " command(s) made together: " + delivered
                + " delivered, " + (attempts.size() - delivered) + " failed");
    }

    private CallbackSender.Timed immediately(CallbackSender.Outcome failure) {
        Instant now = clock.instant();
        return new CallbackSender.Timed(now, now, failure);
    }

    /**
     * Records the attempt's outcome on its delivery and in the history, and queues the next attempt
     * or dead-letters the delivery; true when it was delivered.
     */
    private boolean conclude(Attempt attempt, CallbackSender.Timed timed) {
        CallbackDelivery delivery = attempt.delivery();
        CallbackSender.Outcome outcome = timed.outcome();
        Instant now = timed.ended();
        if (outcome.delivered()) {
            delivery.delivered(now);
            record(delivery, timed);
            metrics.callbackAttempt("delivered");
            return true;
        }
        String error = outcome.error();
        delivery.failed(error, now);
        record(delivery, timed);
        metrics.callbackAttempt("failed");
        Optional<Instant> next = attempt.retriable()
                ? settings.schedule().next(delivery.createdAt(), delivery.attempts(), now) : Optional.empty();
        String commandId = delivery.commandId();
        if (next.isPresent()) {
            delivery.retryAt(next.get());
            scheduler.attemptAt(commandId, delivery.attempts(), next.get());
            LOG.info("Command " + commandId + ": callback attempt " + delivery.attempts() + " to " + attempt.url()
                    + " failed (" + error + "); next at " + next.get());
        } else {
            delivery.dead();
            metrics.deadLetter("callback");
            LOG.warning("Command " + commandId + ": callback dead-lettered after " + delivery.attempts()
                    + " attempt(s); last error: " + error);
        }
        return false;
    }

    /** The attempt just counted on the delivery, as its history shows it. */
    private void record(CallbackDelivery delivery, CallbackSender.Timed timed) {
        em.persist(new CallbackAttempt(delivery.commandId(), delivery.attempts(), timed.started(), timed.ended(),
                timed.outcome().httpStatus(), timed.outcome().error(), config.nodeName()));
    }
}
