package org.ratatosk.messaging.boundary;

import jakarta.json.JsonObject;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.ratatosk.messaging.control.CommandWaiters;
import org.ratatosk.messaging.entity.CommandState;

/**
 * The one way a caller waits for a command to end, whoever asks (its client, the operator): the
 * answer comes when it is final, woken through {@link CommandWaiters}, or when the wait is over.
 */
final class CommandLongPoll {

    private CommandLongPoll() {
    }

    /** Answers {@code read} at once without a wait or when final; otherwise as soon as it is final or {@code wait} seconds passed. */
    static void answer(AsyncResponse response, String commandId, Integer wait, Supplier<JsonObject> read,
                       CommandWaiters waiters) {
        try {
            JsonObject envelope = read.get();
            if (wait == null || wait == 0 || isFinal(envelope)) {
                response.resume(envelope.toString());
                return;
            }
            waiters.add(commandId, response);
            response.setTimeout(wait, TimeUnit.SECONDS);
            response.setTimeoutHandler(timedOut -> {
                waiters.remove(commandId, timedOut);
                timedOut.resume(read.get().toString());
            });
            JsonObject again = read.get();
            if (isFinal(again)) {
                waiters.remove(commandId, response);
                response.resume(again.toString());
            }
        } catch (RuntimeException e) {
            waiters.remove(commandId, response);
            response.resume(e);
        }
    }

    private static boolean isFinal(JsonObject envelope) {
        return !CommandState.IN_PROGRESS.name().equals(envelope.getString("state"));
    }
}
