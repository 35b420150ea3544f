package org.ratatosk.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.Bodies;

/** The end of a PIN reset carries the encrypted nonce of its start; the device's answer is relayed as it came. */
@ApplicationScoped
public class EndPinResetRules implements CommandRules {

    @Override
    public CommandType type() {
        return CommandType.EPIN;
    }

    @Override
    public void checkOwnFields(JsonObject body) {
        Bodies.bind(body, Fields.class);
    }

    /** The nonce the start of the reset handed out, encrypted by the device, and the smart card. */
    public record Fields(
            @NotEmpty(message = "'encryptednonce' is required")
            @Size(max = DesktopFields.MAX_TEXT, message = "'encryptednonce' is longer than " + DesktopFields.MAX_TEXT + " characters")
            String encryptednonce,
            @Size(min = 1, max = CommandBodies.MAX_ID, message = CommandBodies.SMARTCARD_ID_RULE) String smartcardid) {
    }
}
