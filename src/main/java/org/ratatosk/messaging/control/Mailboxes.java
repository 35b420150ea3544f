package org.ratatosk.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.Mailbox;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Hashes;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.NotFound;
import org.ratatosk.platform.Refused;
import org.ratatosk.platform.Unauthenticated;

/**
 * The device's side: opening a mailbox with its token, listing and fetching its messages. These
 * only read, so a device's request runs them without a transaction of its own (one each would
 * cost a commit per call); inside an answer's transaction they join it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Mailboxes {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Config config;

    @Inject
    Envelopes envelopes;

    @Inject
    CommandTypes types;

    /** The mailbox if the token opens it: 401 for a wrong token, 410 once it was closed. */
    public Mailbox open(String bid, String token) {
        Mailbox mailbox = openForMessage(bid, token);
        if (mailbox.state() == Mailbox.State.CLOSED) {
            throw new Conflict(ErrorCode.MAILBOX_CLOSED, "Mailbox " + bid + " is closed");
        }
        return mailbox;
    }

    /**
     * The mailbox for reaching one message, even once closed: a device that answered through a
     * spent temporary mailbox still learns that its message was answered (409), not just gone.
     */
    public Mailbox openForMessage(String bid, String token) {
        Mailbox mailbox = em.find(Mailbox.class, bid);
        if (mailbox == null || token == null || !Hashes.matches(mailbox.tokenHash(), mailbox.tokenSalt(), token)) {
            throw new Unauthenticated("This token does not open mailbox " + bid);
        }
        if (mailbox.state() == Mailbox.State.PENDING) {
            throw new Refused(ErrorCode.MAILBOX_NOT_ACTIVE, "Mailbox " + bid + " is live once its profile is provisioned");
        }
        return mailbox;
    }

    /** Messages not yet answered and within their lifespan; no token check, for wake-ups. */
    public JsonObject list(String bid) {
        Instant now = clock.instant();
        JsonArrayBuilder messages = Jsons.createArrayBuilder();
        em.createQuery("SELECT m FROM MailboxMessage m WHERE m.bid = :bid AND m.state = :state"
                        + " AND m.expiresAt > :now ORDER BY m.createdAt", MailboxMessage.class)
                .setParameter("bid", bid)
                .setParameter("state", MailboxMessage.State.PENDING)
                .setParameter("now", now)
                .getResultList()
                .forEach(m -> messages.add(Jsons.createObjectBuilder()
                        .add("mid", m.mid())
                        .add("commandType", m.commandType().name())
                        .add("location", envelopes.location(m))
                        .add("expires", m.expiresAt().toString())));
        return Jsons.createObjectBuilder().add("messages", messages).build();
    }

    /** Whether a listing from {@link #list} names a message. */
    public static boolean hasMessages(JsonObject listing) {
        return !listing.getJsonArray("messages").isEmpty();
    }

    public JsonObject fetch(Mailbox mailbox, String mid) {
        MailboxMessage message = message(mailbox, mid);
        if (message.isAnswered()) {
            throw new Conflict(ErrorCode.ALREADY_ANSWERED, "Message " + mid + " was answered");
        }
        if (!message.isFetchable(clock.instant())) {
            throw new Conflict(ErrorCode.MESSAGE_GONE, "Message " + mid + " is past its lifespan or withdrawn");
        }
        Command command = em.find(Command.class, message.commandId());
        JsonObject body = types.of(command.type()).delivered(command, JsonBodies.parseStored(command.body()));
        return Jsons.createObjectBuilder()
                .add("header", Jsons.createObjectBuilder()
                        .add("bid", message.bid())
                        .add("mid", message.mid())
                        .add("commandId", command.id())
                        .add("commandType", command.type().name())
                        .add("expires", message.expiresAt().toString())
                        .add("fqdn", config.fqdn()))
                .add(command.type().bodyKey(), body)
                .build();
    }

    /** Closes a deleted profile's mailbox: its token opens nothing and its messages are withdrawn. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void delete(String bid) {
        Mailbox mailbox = em.find(Mailbox.class, bid);
        if (mailbox == null) {
            return;
        }
        mailbox.close();
        em.createQuery("SELECT m FROM MailboxMessage m WHERE m.bid = :bid AND m.state = :state", MailboxMessage.class)
                .setParameter("bid", bid)
                .setParameter("state", MailboxMessage.State.PENDING)
                .getResultList()
                .forEach(MailboxMessage::withdraw);
    }

    public MailboxMessage message(Mailbox mailbox, String mid) {
        MailboxMessage message = em.find(MailboxMessage.class, mid);
        if (message == null || !message.bid().equals(mailbox.bid())) {
            throw new NotFound("Message " + mid);
        }
        return message;
    }
}
