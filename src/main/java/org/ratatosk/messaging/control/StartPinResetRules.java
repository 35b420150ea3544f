package org.ratatosk.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Size;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.Bodies;

/** The start of a PIN reset names at most a smart card; the device's answer is relayed as it came. */
@ApplicationScoped
public class StartPinResetRules implements CommandRules {

    @Override
    public CommandType type() {
        return CommandType.SPIN;
    }

    @Override
    public void checkOwnFields(JsonObject body) {
        Bodies.bind(body, Fields.class);
    }

    /** The smart card whose PIN is reset, if the device holds more than one. */
    public record Fields(@Size(min = 1, max = CommandBodies.MAX_ID, message = CommandBodies.SMARTCARD_ID_RULE) String smartcardid) {
    }
}
