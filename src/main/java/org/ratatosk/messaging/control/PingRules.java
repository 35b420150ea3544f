package org.ratatosk.messaging.control;

import static org.ratatosk.messaging.control.CommandBodies.optionalId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.provisioning.control.AnswerRejected;
import org.ratatosk.provisioning.control.Profiles;

/** A ping's answer says the device is alive, and what it tells of itself and its profile is kept with the profile. */
@ApplicationScoped
public class PingRules implements CommandRules {

    @Inject
    Profiles profiles;

    @Override
    public CommandType type() {
        return CommandType.PING;
    }

    @Override
    public void checkOwnFields(JsonObject body) {
        JsonBodies.optionalBoolean(body, "deviceinfo");
        JsonBodies.optionalBoolean(body, "profileinfo");
        optionalId(body, "profileid");
    }

    @Override
    public void checkAnswer(Command command, MailboxMessage message, JsonObject response, Instant now) throws AnswerRejected {
        profiles.recordPing(message.profileId(), PingAnswers.deviceInfo(response), PingAnswers.profileInfo(response));
    }
}
