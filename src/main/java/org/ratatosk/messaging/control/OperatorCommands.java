package org.ratatosk.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.NotFound;

/**
 * The operator's hold on any client's command: read it, cancel it, show its QR code, and submit a
 * provisioning in a client's name for a user enrolled at the desk. The command stays the client's:
 * its callbacks go to the client as if the client had sent it.
 */
@Stateless
public class OperatorCommands {

    private static final Logger LOG = Logger.getLogger(OperatorCommands.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Commands commands;

    @Inject
    CommandEndings endings;

    @Inject
    IdempotentSubmission submission;

    /** The envelope with its {@code clientId}, as the operator's list shows it. */
    public JsonObject envelope(String commandId) {
        return withClient(find(commandId, LockModeType.NONE));
    }

    /** Empty when the command is gone; for the long poll's wake-up. */
    public java.util.Optional<JsonObject> envelopeOf(String commandId) {
        Command command = em.find(Command.class, commandId);
        return command == null ? java.util.Optional.empty() : java.util.Optional.of(withClient(command));
    }

    public JsonObject cancel(String commandId) {
        Command command = find(commandId, LockModeType.PESSIMISTIC_WRITE);
        if (command.state().isFinal()) {
            throw new Conflict(ErrorCode.ALREADY_FINAL, "Command " + commandId + " is already " + command.state());
        }
        command.cancel(Instant.now(clock));
        endings.finished(command, null);
        LOG.info("Command " + commandId + " of " + command.clientId() + " cancelled by the operator");
        return withClient(command);
    }

    /** A {@code provision} command in the name of {@code clientId}, with the body its API takes. */
    public JsonObject provision(String clientId, String rawBody) {
        ApiClient client = em.find(ApiClient.class, clientId);
        if (client == null) {
            throw new NotFound("API client " + clientId);
        }
        JsonObject envelope = submission.submit(client, "provision", rawBody);
        LOG.info("Command " + envelope.getString("commandId", "?") + ": provisioning submitted by the operator for "
                + clientId);
        return Jsons.createObjectBuilder(envelope).add("clientId", clientId).build();
    }

    private JsonObject withClient(Command command) {
        return Jsons.createObjectBuilder(commands.envelope(command)).add("clientId", command.clientId()).build();
    }

    private Command find(String commandId, LockModeType lock) {
        Command command = em.find(Command.class, commandId, lock);
        if (command == null) {
            throw new NotFound("Command " + commandId);
        }
        return command;
    }
}
