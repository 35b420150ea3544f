package org.ratatosk.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.messaging.entity.Mailbox;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.ApiException;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Metrics;
import org.ratatosk.provisioning.control.AnswerMalformed;
import org.ratatosk.provisioning.control.AnswerRejected;
import org.ratatosk.provisioning.control.Profiles;
import org.ratatosk.provisioning.control.ProvisioningAnswerValidator;
import org.ratatosk.provisioning.control.ProvisioningRequest;
import org.ratatosk.provisioning.control.ValidatedProvisioning;
import org.ratatosk.signing.control.AcceptedSignatures;
import org.ratatosk.signing.control.SignRequest;
import org.ratatosk.signing.control.SignedAnswers;
import org.ratatosk.signing.control.VerifiedSignature;

/**
 * A device's answer to a message. The command is locked while the answer is checked, so that of
 * several answers (one user, several devices) exactly one completes the command; a declining or
 * invalid one ends only its own destination while others are open.
 */
@Stateless
public class Answers {

    private static final Logger LOG = Logger.getLogger(Answers.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Config config;

    @Inject
    Mailboxes mailboxes;

    @Inject
    Commands commands;

    @Inject
    Envelopes envelopes;

    @Inject
    Profiles profiles;

    @Inject
    Metrics metrics;

    @Inject
    AcceptedSignatures acceptedSignatures;

    public AnswerOutcome answer(String bid, String token, String mid, String rawBody) {
        MailboxMessage message = mailboxes.message(mailboxes.openForMessage(bid, token), mid);
        JsonObject answer = JsonBodies.parseObject(rawBody);
        Command command = em.find(Command.class, message.commandId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(message);
        if (message.isAnswered() || command.state() == CommandState.COMPLETED || command.state() == CommandState.FAILED) {
            throw ApiException.conflict("ALREADY_ANSWERED", message.isAnswered()
                    ? "Message " + mid + " was already answered" : "Command " + command.id() + " was already answered");
        }
        if (command.state().isFinal() || message.state() != MailboxMessage.State.PENDING) {
            throw ApiException.gone("COMMAND_ENDED", "Command " + command.id() + " is " + command.state());
        }
        JsonObject response = JsonBodies.requireObject(answer, command.type().responseKey());
        long code = JsonBodies.optionalLong(response, "code")
                .orElseThrow(() -> ApiException.badRequest("INVALID_FIELD", command.type().responseKey() + ".code is required"));

        Instant now = clock.instant();
        JsonObject responseHeader = Jsons.createObjectBuilder()
                .add("responseHeader", envelopes.responseHeader(envelopes.location(message))).build();
        if (code != 0) {
            failDestination(command, message, response, "DEVICE_ERROR", "The device answered with code " + code, now);
            return AnswerOutcome.accepted(responseHeader);
        }
        try {
            check(command, message, response, now);
        } catch (AnswerMalformed malformed) {
            // rolls back: the message stays open for a well-formed answer
            throw ApiException.badRequest(malformed.code(), malformed.getMessage());
        } catch (AnswerRejected rejected) {
            metrics.answerRejected(rejected.code());
            failDestination(command, message, response, rejected.code(), rejected.getMessage(), now);
            return AnswerOutcome.rejected(ApiException.unprocessable(rejected.code(), rejected.getMessage()));
        }
        message.answered();
        command.complete(mid, response.toString(), now);
        afterCompletion(command, message);
        commands.finished(command, message.profileId());
        LOG.info("Command " + command.id() + " COMPLETED by the answer to message " + mid);
        return AnswerOutcome.accepted(responseHeader);
    }

    /**
     * A declining or invalid answer ends its own destination. The command fails with it only when
     * no other destination is left that could still answer; until then the first valid answer of
     * another device can complete it (contract 1.2).
     */
    private void failDestination(Command command, MailboxMessage message, JsonObject response, String code,
                                 String reason, Instant now) {
        message.fail(code, reason);
        long open = commands.messages(command.id()).stream()
                .filter(m -> m.state() == MailboxMessage.State.PENDING).count();
        if (open > 0) {
            LOG.info("Command " + command.id() + ": the answer to message " + message.mid() + " failed (" + code
                    + "), " + open + " destination(s) still open");
            return;
        }
        command.fail(message.mid(), response.toString(), code, reason, now);
        commands.finished(command, message.profileId());
        LOG.info("Command " + command.id() + " FAILED: " + code + ": " + reason);
    }

    private void check(Command command, MailboxMessage message, JsonObject response, Instant now) throws AnswerRejected {
        switch (command.type()) {
            case PROV -> checkProvisioning(command, response);
            case SIGN, AUTH -> {
                SignRequest request = SignRequest.from(JsonBodies.parseStored(command.body()));
                VerifiedSignature verified = SignedAnswers.verify(request, response, profiles.keysOf(message.profileId()));
                acceptedSignatures.accept(verified, command.id(), now);
                LOG.fine("Command " + command.id() + ": answer verified with key '" + verified.keyId() + "'");
            }
            case PING -> profiles.recordPing(message.profileId(), PingAnswers.deviceInfo(response),
                    PingAnswers.profileInfo(response));
            default -> {
                // CERT, DELETE, SPIN and EPIN answers are relayed as the device sent them
            }
        }
    }

    /** A confirmed delete that the device carried out removes the profile and closes its mailbox. */
    private void afterCompletion(Command command, MailboxMessage message) {
        if (command.type() == CommandType.DELETE && message.profileId() != null
                && CommandBodies.confirmedDelete(JsonBodies.parseStored(command.body()))) {
            String bid = profiles.delete(message.profileId());
            mailboxes.delete(bid);
            LOG.info("Command " + command.id() + ": profile " + message.profileId() + " deleted, mailbox " + bid + " closed");
        }
    }

    private void checkProvisioning(Command command, JsonObject response) throws AnswerRejected {
        ProvisioningRequest request = ProvisioningRequest.from(JsonBodies.parseStored(command.body()));
        String jws = resultData(response, "jws");
        ApiClient client = em.find(ApiClient.class, command.clientId());
        if (client == null) {
            throw new AnswerRejected("CLIENT_GONE", "The API client of this command no longer exists");
        }
        ValidatedProvisioning validated = ProvisioningAnswerValidator.validate(jws, request, command.newProfileId(),
                config.mailboxUrl(command.newMailboxId()), client::trustsAttestationKey);
        profiles.store(command.id(), command.clientId(), command.newProfileId(), command.newMailboxId(), request, validated);
        em.find(Mailbox.class, command.newMailboxId()).activate();
    }

    /** {@code result.data} of an answer, which must be of the expected content type. */
    static String resultData(JsonObject response, String contentType) throws AnswerRejected {
        JsonValue result = response.get("result");
        if (!(result instanceof JsonObject object) || !(object.get("data") instanceof JsonString data)) {
            throw new AnswerRejected("MALFORMED_ANSWER", "The answer has no result.data");
        }
        JsonValue type = object.get("contenttype");
        if (type instanceof JsonString string && !string.getString().equalsIgnoreCase(contentType)) {
            throw new AnswerRejected("WRONG_FORMAT", "result.contenttype is '" + string.getString() + "', expected " + contentType);
        }
        return data.getString();
    }
}
