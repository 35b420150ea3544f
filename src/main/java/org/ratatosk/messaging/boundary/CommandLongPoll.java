package org.ratatosk.messaging.boundary;

import jakarta.json.JsonObject;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.function.Supplier;
import org.ratatosk.messaging.control.LongPolls;
import org.ratatosk.messaging.control.WakeUpTopic;
import org.ratatosk.messaging.entity.CommandState;

/**
 * The one way a caller waits for a command to end, whoever asks (its client, the operator): the
 * answer comes at once without a wait or when the command is final, else when a wake-up finds it
 * final or the wait is over.
 */
final class CommandLongPoll {

    private CommandLongPoll() {
    }

    static void answer(AsyncResponse response, String commandId, Integer wait, Supplier<JsonObject> read,
                       LongPolls longPolls) {
        try {
            JsonObject envelope = read.get();
            if (wait == null || wait == 0 || isFinal(envelope)) {
                response.resume(envelope.toString());
                return;
            }
            longPolls.hold(WakeUpTopic.Kind.COMMAND, commandId, response, wait, read, CommandLongPoll::isFinal);
        } catch (RuntimeException e) {
            response.resume(e);
        }
    }

    private static boolean isFinal(JsonObject envelope) {
        return !CommandState.IN_PROGRESS.name().equals(envelope.getString("state"));
    }
}
