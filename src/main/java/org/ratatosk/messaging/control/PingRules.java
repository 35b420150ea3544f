package org.ratatosk.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.Bodies;
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
        Bodies.bind(body, Fields.class);
    }

    /** Whether the device reports itself and its profiles, and which profile it is asked about. */
    public record Fields(Boolean deviceinfo, Boolean profileinfo,
                         @Size(min = 1, max = CommandBodies.MAX_ID, message = CommandBodies.PROFILE_ID_RULE) String profileid) {
    }

    @Override
    public void checkAnswer(Command command, MailboxMessage message, JsonObject response, Instant now) throws AnswerRejected {
        profiles.recordPing(message.profileId(), PingAnswers.deviceInfo(response), PingAnswers.profileInfo(response));
    }
}
