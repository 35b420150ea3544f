package org.ratatosk.messaging.control;

import jakarta.json.JsonObject;
import org.ratatosk.platform.RefusedAnswer;

/**
 * What became of a device's answer. A rejected answer still ends its command as FAILED, so the
 * rejection travels back as a value and is raised only after that transaction has committed.
 */
public record AnswerOutcome(JsonObject accepted, RefusedAnswer rejection) {

    public static AnswerOutcome accepted(JsonObject responseHeader) {
        return new AnswerOutcome(responseHeader, null);
    }

    public static AnswerOutcome rejected(RefusedAnswer rejection) {
        return new AnswerOutcome(null, rejection);
    }

    public JsonObject orThrow() {
        if (rejection != null) {
            throw rejection;
        }
        return accepted;
    }
}
