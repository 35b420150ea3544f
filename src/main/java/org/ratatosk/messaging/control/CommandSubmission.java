package org.ratatosk.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.messaging.entity.Mailbox;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.ExpiryScheduler;
import org.ratatosk.platform.Hashes;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Metrics;
import org.ratatosk.platform.NotFound;
import org.ratatosk.provisioning.entity.Profile;

/**
 * Accepts a command: validates it completely before writing anything, then in one transaction
 * stores it, puts one message in each addressed mailbox and schedules its deadlines.
 */
@Stateless
public class CommandSubmission {

    private static final Logger LOG = Logger.getLogger(CommandSubmission.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Config config;

    @Inject
    Addressing addressing;

    @Inject
    CommandTypes types;

    @Inject
    Commands commands;

    @Inject
    ExpiryScheduler expiry;

    @Inject
    WakeUps wakeUps;

    @Inject
    Metrics metrics;

    @Inject
    AuditTrail audit;

    /** A command as an API client sends it: the type's path and the request's text. */
    public JsonObject submit(ApiClient client, String typePath, String rawBody) {
        CommandType type = CommandType.fromPath(typePath)
                .orElseThrow(() -> new NotFound(ErrorCode.UNKNOWN_COMMAND_TYPE, "No command type '" + typePath + "'"));
        return submit(client, CommandRequest.read(type, JsonBodies.parseObject(rawBody)));
    }

    public JsonObject submit(ApiClient client, CommandRequest request) {
        CommandType type = request.type();
        CommandRules rules = types.of(type);
        JsonObject header = request.header();
        JsonObject body = request.body();
        CommandHeader limits = CommandHeader.read(header, config.maxLifespanSeconds(), config.maxTimeoutSeconds());
        String requestHash = Hashes.sha256Hex(type.name() + ":" + CanonicalJson.of(request.whole()));
        if (limits.externalId() != null) {
            Command existing = existing(client, type, limits.externalId());
            if (existing != null) {
                if (!existing.requestHash().equals(requestHash)) {
                    throw new Conflict(ErrorCode.EXTERNAL_ID_CONFLICT,
                            "externalId " + limits.externalId() + " was used for a different " + type + " command");
                }
                return commands.envelope(existing);
            }
        }
        List<String> addresses = Addressing.addresses(header, body, rules.provisions());
        rules.check(body);

        Instant now = clock.instant();
        String commandId = UUID.randomUUID().toString();
        Command command = new Command(commandId, client.clientId(), type, limits.externalId(), requestHash,
                body.toString(), limits.lifespan(), now, now.plusSeconds(limits.timeout()));
        String newProfileId = null;
        if (rules.provisions()) {
            newProfileId = UUID.randomUUID().toString();
            Mailbox permanent = addressing.newMailbox(client.clientId(), false, newProfileId, Mailbox.State.PENDING);
            command.assignProvisioning(newProfileId, permanent.bid());
        }
        List<Target> targets = rules.targets(client, body, addressing.resolve(client.clientId(), addresses, newProfileId));
        command.addressTo(targetUser(rules.provisions(), body, targets));
        em.persist(command);
        Instant expires = now.plusSeconds(limits.lifespan());
        List<MailboxMessage> messages = new ArrayList<>(targets.size());
        Map<String, Mailbox> mailboxes = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            MailboxMessage message = new MailboxMessage(UUID.randomUUID().toString(), target.mailbox().bid(),
                    commandId, i, target.to(), target.profileId(), type, now, expires);
            em.persist(message);
            messages.add(message);
            mailboxes.put(target.mailbox().bid(), target.mailbox());
            if (expires.isBefore(command.timeoutAt())) {
                // A lifespan that ends with the command's timeout or after it is the sweep's: the
                // command expires then and withdraws the message, so it needs no deadline of its own.
                expiry.messageLifespan(message.mid(), expires);
            }
            if (!target.mailbox().temporary()) {
                wakeUps.afterCommit(WakeUpTopic.Kind.MAILBOX, List.of(target.mailbox().bid()));
            }
        }
        expiry.commandTimeout(commandId, command.timeoutAt());
        metrics.commandSubmitted(type.name());
        audit.record(client.clientId(), "command", commandId, "SUBMITTED", Jsons.createObjectBuilder()
                .add("type", type.name()).add("destinations", targets.size()).build());
        LOG.info("Command " + commandId + " (" + type + ") from " + client.clientId() + " to " + targets.size()
                + " destination(s), timeout " + limits.timeout() + " s");
        return commands.envelope(command, messages, mailboxes);
    }

    /** The user a command is for: a provisioning's userid, or the user of all its profiles when they are one. */
    private String targetUser(boolean provisions, JsonObject body, List<Target> targets) {
        if (provisions) {
            return JsonBodies.optionalString(body, "userid").filter(u -> u.length() <= 256).orElse(null);
        }
        List<String> users = targets.stream().map(Target::profileId).distinct()
                .map(id -> em.find(Profile.class, id)).filter(p -> p != null).map(Profile::userId).distinct().toList();
        return users.size() == 1 ? users.get(0) : null;
    }

    private Command existing(ApiClient client, CommandType type, String externalId) {
        return em.createQuery("SELECT c FROM Command c WHERE c.clientId = :client AND c.type = :type"
                        + " AND c.externalId = :external", Command.class)
                .setParameter("client", client.clientId())
                .setParameter("type", type)
                .setParameter("external", externalId)
                .setMaxResults(1)
                .getResultList().stream().findFirst().orElse(null);
    }
}
