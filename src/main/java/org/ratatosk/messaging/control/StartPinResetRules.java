package org.ratatosk.messaging.control;

import static org.ratatosk.messaging.control.CommandBodies.optionalId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import org.ratatosk.messaging.entity.CommandType;

/** The start of a PIN reset names at most a smart card; the device's answer is relayed as it came. */
@ApplicationScoped
public class StartPinResetRules implements CommandRules {

    @Override
    public CommandType type() {
        return CommandType.SPIN;
    }

    @Override
    public void checkOwnFields(JsonObject body) {
        optionalId(body, "smartcardid");
    }
}
