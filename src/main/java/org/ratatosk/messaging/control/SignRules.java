package org.ratatosk.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.logging.Logger;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.provisioning.control.AnswerRejected;
import org.ratatosk.provisioning.control.Profiles;
import org.ratatosk.signing.control.AcceptedSignatures;
import org.ratatosk.signing.control.SignRequest;
import org.ratatosk.signing.control.SignedAnswers;
import org.ratatosk.signing.control.VerifiedSignature;

/**
 * A signing command completes only with signatures that verify under the answering profile's key
 * over what was asked, and each accepted signature is recorded, so none is accepted twice.
 */
@ApplicationScoped
public class SignRules implements CommandRules {

    private static final Logger LOG = Logger.getLogger(SignRules.class.getName());

    @Inject
    Profiles profiles;

    @Inject
    AcceptedSignatures acceptedSignatures;

    @Override
    public CommandType type() {
        return CommandType.SIGN;
    }

    @Override
    public void checkOwnFields(JsonObject body) {
        SignRequest.from(body);
    }

    @Override
    public void checkAnswer(Command command, MailboxMessage message, JsonObject response, Instant now) throws AnswerRejected {
        SignRequest request = SignRequest.from(JsonBodies.parseStored(command.body()));
        VerifiedSignature verified = SignedAnswers.verify(request, response, profiles.keysOf(message.profileId()));
        acceptedSignatures.accept(verified, command.id(), now);
        LOG.fine("Command " + command.id() + ": answer verified with key '" + verified.keyId() + "'");
    }
}
