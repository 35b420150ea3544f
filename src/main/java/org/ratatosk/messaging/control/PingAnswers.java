package org.ratatosk.messaging.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.provisioning.control.AnswerRejected;

/**
 * Reads {@code deviceinfo} and {@code profileinfo} from a ping answer (seed 002), found in the
 * response itself or in its {@code result}; both are optional, but must have their shape.
 */
final class PingAnswers {

    static final int MAX_PROFILES = 64;

    private PingAnswers() {
    }

    static String deviceInfo(JsonObject response) throws AnswerRejected {
        JsonValue value = find(response, "deviceinfo");
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject info)) {
            throw new AnswerRejected(ErrorCode.MALFORMED_ANSWER, "deviceinfo must be an object");
        }
        return info.toString();
    }

    static String profileInfo(JsonObject response) throws AnswerRejected {
        JsonValue value = find(response, "profileinfo");
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray profiles) || profiles.size() > MAX_PROFILES
                || profiles.stream().anyMatch(p -> !(p instanceof JsonObject))) {
            throw new AnswerRejected(ErrorCode.MALFORMED_ANSWER, "profileinfo must be an array of at most " + MAX_PROFILES + " objects");
        }
        return profiles.toString();
    }

    private static JsonValue find(JsonObject response, String key) {
        JsonValue value = response.get(key);
        if ((value == null || value == JsonValue.NULL) && response.get("result") instanceof JsonObject result) {
            value = result.get(key);
        }
        return value == JsonValue.NULL ? null : value;
    }
}
