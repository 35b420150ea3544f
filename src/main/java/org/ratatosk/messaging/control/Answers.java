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
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Metrics;
import org.ratatosk.platform.RefusedAnswer;
import org.ratatosk.provisioning.control.AnswerMalformed;
import org.ratatosk.provisioning.control.AnswerRejected;

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
    Mailboxes mailboxes;

    @Inject
    Commands commands;

    @Inject
    CommandEndings endings;

    @Inject
    Envelopes envelopes;

    @Inject
    Metrics metrics;

    @Inject
    CommandTypes types;

    public AnswerOutcome answer(String bid, String token, String mid, String rawBody) {
        MailboxMessage message = mailboxes.message(mailboxes.openForMessage(bid, token), mid);
        JsonObject answer = JsonBodies.parseObject(rawBody);
        Command command = em.find(Command.class, message.commandId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(message);
        if (message.isAnswered() || command.state() == CommandState.COMPLETED || command.state() == CommandState.FAILED) {
            throw new Conflict(ErrorCode.ALREADY_ANSWERED, message.isAnswered()
                    ? "Message " + mid + " was already answered" : "Command " + command.id() + " was already answered");
        }
        if (command.state().isFinal() || message.state() != MailboxMessage.State.PENDING) {
            throw new Conflict(ErrorCode.COMMAND_ENDED, "Command " + command.id() + " is " + command.state());
        }
        JsonObject response = JsonBodies.requireObject(answer, command.type().responseKey());
        long code = JsonBodies.optionalLong(response, "code")
                .orElseThrow(() -> InvalidInput.field(command.type().responseKey() + ".code is required"));

        Instant now = clock.instant();
        JsonObject responseHeader = Jsons.createObjectBuilder()
                .add("responseHeader", envelopes.responseHeader(envelopes.location(message))).build();
        if (code != 0) {
            failDestination(command, message, response, "DEVICE_ERROR", "The device answered with code " + code, now);
            return AnswerOutcome.accepted(responseHeader);
        }
        CommandRules rules = types.of(command.type());
        try {
            rules.checkAnswer(command, message, response, now);
        } catch (AnswerMalformed malformed) {
            // rolls back: the message stays open for a well-formed answer
            throw new InvalidInput(malformed.code(), malformed.getMessage());
        } catch (AnswerRejected rejected) {
            metrics.answerRejected(rejected.code().name());
            failDestination(command, message, response, rejected.code().name(), rejected.getMessage(), now);
            return AnswerOutcome.rejected(new RefusedAnswer(rejected.code(), rejected.getMessage()));
        }
        message.answered();
        command.complete(mid, response.toString(), now);
        rules.completed(command, message);
        endings.finished(command, message.profileId());
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
        endings.finished(command, message.profileId());
        LOG.info("Command " + command.id() + " FAILED: " + code + ": " + reason);
    }
}
