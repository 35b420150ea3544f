package org.ratatosk.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.Mailbox;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.Cursor;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.NotFound;
import org.ratatosk.platform.Page;

/** Reading and cancelling commands; what every final state shares is in {@link CommandEndings}. */
@Stateless
public class Commands {

    private static final Logger LOG = Logger.getLogger(Commands.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Envelopes envelopes;

    @Inject
    CommandEndings endings;

    @Inject
    @Any
    Instance<EnvelopeSection> sections;

    /**
     * Reads only: called from a request it runs without a transaction of its own, as a commit
     * (with the flush and enlistment before it) would cost more than the reads.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JsonObject envelope(ApiClient client, String commandId) {
        return envelope(owned(client, commandId, LockModeType.NONE));
    }

    /** The envelope of a command whose owner was already checked; empty when it is gone. */
    public java.util.Optional<JsonObject> envelopeOf(String commandId) {
        Command command = em.find(Command.class, commandId);
        return command == null ? java.util.Optional.empty() : java.util.Optional.of(envelope(command));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JsonArray byExternalId(ApiClient client, String externalId) {
        JsonArrayBuilder all = Jsons.createArrayBuilder();
        em.createQuery("SELECT c FROM Command c WHERE c.clientId = :client AND c.externalId = :external"
                        + " ORDER BY c.createdAt", Command.class)
                .setParameter("client", client.clientId())
                .setParameter("external", externalId)
                .getResultList().forEach(c -> all.add(envelope(c)));
        return all.build();
    }

    /**
     * For the operator: commands across clients that pass the filter, each envelope with its
     * {@code clientId}, newest first (ties by id), {@code limit} after the cursor's command: keyset
     * pagination, so commands submitted meanwhile do not shift the pages that follow.
     */
    public Page recent(CommandFilter filter, String after, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        List<String> conditions = filter.conditions(parameters);
        List<String> cursor = Cursor.decode(after, 2);
        if (cursor != null) {
            Instant createdAt;
            try {
                createdAt = Instant.parse(cursor.get(0));
            } catch (DateTimeParseException e) {
                throw InvalidInput.field("after is not a cursor this list handed out");
            }
            conditions.add("(c.createdAt < :afterCreated OR (c.createdAt = :afterCreated AND c.id > :afterId))");
            parameters.put("afterCreated", createdAt);
            parameters.put("afterId", cursor.get(1));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var query = em.createQuery("SELECT c FROM Command c" + where + " ORDER BY c.createdAt DESC, c.id", Command.class)
                .setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        List<Command> found = query.getResultList();
        JsonArrayBuilder all = Jsons.createArrayBuilder();
        found.stream().limit(limit).forEach(c -> all.add(Jsons.createObjectBuilder(envelope(c)).add("clientId", c.clientId())));
        Command last = found.size() > limit ? found.get(limit - 1) : null;
        return new Page(all.build(), last == null ? null : Cursor.encode(last.createdAt().toString(), last.id()));
    }

    public JsonObject cancel(ApiClient client, String commandId) {
        Command command = owned(client, commandId, LockModeType.PESSIMISTIC_WRITE);
        if (command.state().isFinal()) {
            throw new Conflict(ErrorCode.ALREADY_FINAL, "Command " + commandId + " is already " + command.state());
        }
        command.cancel(clock.instant());
        endings.finished(command, null);
        LOG.info("Command " + commandId + " cancelled by " + client.clientId());
        return envelope(command);
    }

    public JsonObject envelope(Command command) {
        return render(command, sections(command));
    }

    /**
     * The envelope of a command the caller's transaction has just created, from the messages and
     * mailboxes it created it with rather than by reading them back.
     */
    public JsonObject envelope(Command command, List<MailboxMessage> messages, Map<String, Mailbox> mailboxes) {
        return envelopes.render(command, messages, mailboxes::get, sections(command));
    }

    private Map<String, JsonValue> sections(Command command) {
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        for (EnvelopeSection section : sections) {
            section.render(command).ifPresent(value -> extra.put(section.key(), value));
        }
        return extra;
    }

    /** The envelope without the sections of other components: what a callback delivers. */
    public JsonObject finalEnvelope(Command command) {
        return render(command, Map.of());
    }

    private JsonObject render(Command command, Map<String, JsonValue> sections) {
        Map<MailboxMessage, Mailbox> destinations = destinations(em, command.id());
        Map<String, Mailbox> mailboxes = new HashMap<>();
        destinations.forEach((message, mailbox) -> mailboxes.put(message.bid(), mailbox));
        return envelopes.render(command, List.copyOf(destinations.keySet()), mailboxes::get, sections);
    }

    /**
     * The command's messages in the order of its destinations, each with its mailbox, read with one
     * query: a read of a command's envelope costs two statements however many destinations it has.
     */
    public static Map<MailboxMessage, Mailbox> destinations(EntityManager em, String commandId) {
        Map<MailboxMessage, Mailbox> destinations = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT m, b FROM MailboxMessage m, Mailbox b"
                        + " WHERE m.commandId = :command AND b.bid = m.bid ORDER BY m.position", Object[].class)
                .setParameter("command", commandId)
                .getResultList()) {
            destinations.put((MailboxMessage) row[0], (Mailbox) row[1]);
        }
        return destinations;
    }

    /**
     * {@link #finalEnvelope} of many commands, by command id, with one query for all their messages
     * and one for their mailboxes rather than a round of them per command.
     */
    public Map<String, JsonObject> finalEnvelopes(List<Command> finals) {
        Map<String, JsonObject> rendered = new HashMap<>();
        if (finals.isEmpty()) {
            return rendered;
        }
        List<String> ids = finals.stream().map(Command::id).toList();
        Map<String, List<MailboxMessage>> byCommand = new HashMap<>();
        for (MailboxMessage message : em.createQuery("SELECT m FROM MailboxMessage m WHERE m.commandId IN :ids"
                        + " ORDER BY m.commandId, m.position", MailboxMessage.class)
                .setParameter("ids", ids).getResultList()) {
            byCommand.computeIfAbsent(message.commandId(), id -> new ArrayList<>()).add(message);
        }
        List<String> bids = byCommand.values().stream().flatMap(List::stream).map(MailboxMessage::bid).distinct().toList();
        Map<String, Mailbox> mailboxes = new HashMap<>();
        if (!bids.isEmpty()) {
            em.createQuery("SELECT b FROM Mailbox b WHERE b.bid IN :bids", Mailbox.class).setParameter("bids", bids)
                    .getResultList().forEach(mailbox -> mailboxes.put(mailbox.bid(), mailbox));
        }
        for (Command command : finals) {
            rendered.put(command.id(), envelopes.render(command, byCommand.getOrDefault(command.id(), List.of()),
                    bid -> mailboxes.computeIfAbsent(bid, missing -> em.find(Mailbox.class, missing)), Map.of()));
        }
        return rendered;
    }

    public List<MailboxMessage> messages(String commandId) {
        return messages(em, commandId);
    }

    /**
     * The command's messages, as the caller's transaction has them. A command's messages are all
     * written by its submission, so the query needs no flush of the caller's pending changes first:
     * the instances it returns are the managed ones, which show those changes already.
     */
    static List<MailboxMessage> messages(EntityManager em, String commandId) {
        return em.createQuery("SELECT m FROM MailboxMessage m WHERE m.commandId = :command ORDER BY m.position",
                        MailboxMessage.class)
                .setParameter("command", commandId)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
    }

    Command owned(ApiClient client, String commandId, LockModeType lock) {
        Command command = em.find(Command.class, commandId, lock);
        if (command == null || !command.clientId().equals(client.clientId())) {
            throw new NotFound("Command " + commandId);
        }
        return command;
    }
}
