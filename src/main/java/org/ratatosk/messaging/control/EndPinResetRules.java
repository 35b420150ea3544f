package org.ratatosk.messaging.control;

import static org.ratatosk.messaging.control.CommandBodies.optionalId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.JsonBodies;

/** The end of a PIN reset carries the encrypted nonce of its start; the device's answer is relayed as it came. */
@ApplicationScoped
public class EndPinResetRules implements CommandRules {

    @Override
    public CommandType type() {
        return CommandType.EPIN;
    }

    @Override
    public void checkOwnFields(JsonObject body) {
        String nonce = JsonBodies.requireString(body, "encryptednonce");
        if (nonce.length() > DesktopFields.MAX_TEXT) {
            throw InvalidInput.field("'encryptednonce' is longer than "
                    + DesktopFields.MAX_TEXT + " characters");
        }
        optionalId(body, "smartcardid");
    }
}
