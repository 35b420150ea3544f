package org.ratatosk.messaging.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.ApiException;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.provisioning.control.ProvisioningRequest;
import org.ratatosk.signing.control.SignRequest;

/** Checks the shape of each command type's body before anything is stored; 400 when it is wrong. */
public final class CommandBodies {

    static final int MAX_ID = 128;

    private CommandBodies() {
    }

    public static void check(CommandType type, JsonObject body) {
        DesktopFields.check(body);
        switch (type) {
            case PROV -> ProvisioningRequest.from(body);
            case CERT -> optionalId(body, "profileid");
            case SIGN, AUTH -> SignRequest.from(body);
            case PING -> {
                JsonBodies.optionalBoolean(body, "deviceinfo");
                JsonBodies.optionalBoolean(body, "profileinfo");
                optionalId(body, "profileid");
            }
            case DELETE -> {
                requiredId(body, "profileid");
                JsonBodies.optionalBoolean(body, "confirmed");
            }
            case SPIN -> optionalId(body, "smartcardid");
            case EPIN -> {
                String nonce = JsonBodies.requireString(body, "encryptednonce");
                if (nonce.length() > DesktopFields.MAX_TEXT) {
                    throw ApiException.badRequest("INVALID_FIELD", "'encryptednonce' is longer than "
                            + DesktopFields.MAX_TEXT + " characters");
                }
                optionalId(body, "smartcardid");
            }
            default -> throw new IllegalStateException("unhandled command type " + type);
        }
    }

    /** Whether a confirmed delete: the device's OK then removes the profile and its mailbox. */
    public static boolean confirmedDelete(JsonObject deleteCommand) {
        return JsonBodies.optionalBoolean(deleteCommand, "confirmed").orElse(false);
    }

    private static void requiredId(JsonObject body, String key) {
        if (body.get(key) == null || body.get(key) == JsonValue.NULL) {
            throw ApiException.badRequest("INVALID_FIELD", "'" + key + "' is required");
        }
        optionalId(body, key);
    }

    private static void optionalId(JsonObject body, String key) {
        JsonBodies.optionalString(body, key).ifPresent(id -> {
            if (id.isEmpty() || id.length() > MAX_ID) {
                throw ApiException.badRequest("INVALID_FIELD", "'" + key + "' must be 1 to " + MAX_ID + " characters");
            }
        });
    }
}
