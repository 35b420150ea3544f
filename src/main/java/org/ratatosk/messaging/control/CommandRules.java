package org.ratatosk.messaging.control;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.provisioning.control.AnswerRejected;

/**
 * What sets one command type apart, in one place: how its body is checked, where it goes, what a
 * device fetches, how the device's answer is verified and what its completion sets off. One bean
 * per type; {@link CommandTypes} finds them.
 */
public interface CommandRules {

    CommandType type();

    /**
     * Whether the command provisions a new profile: it goes to a new temporary mailbox only, and
     * a permanent mailbox waits for the profile it creates.
     */
    default boolean provisions() {
        return false;
    }

    /** Checks a body before anything is stored: the desktop fields any body may carry, then the type's own; 400 when wrong. */
    default void check(JsonObject body) {
        DesktopFields.check(body);
        checkOwnFields(body);
    }

    /** The fields of this type's body. */
    void checkOwnFields(JsonObject body);

    /** Of the addressed targets, those the command goes to; refused when none or the wrong ones fit. */
    default List<Target> targets(ApiClient client, JsonObject body, List<Target> addressed) {
        return addressed;
    }

    /** The stored body as the device fetches it. */
    default JsonObject delivered(Command command, JsonObject body) {
        return body;
    }

    /** Verifies a device's answer, which then completes the command; a rejection fails its destination. */
    default void checkAnswer(Command command, MailboxMessage message, JsonObject response, Instant now) throws AnswerRejected {
        // relayed as the device sent it
    }

    /** What follows once an answer completed the command, in the same transaction. */
    default void completed(Command command, MailboxMessage message) {
    }
}
