package org.ratatosk.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Application servers' long polls on commands this node holds, by command id; no thread waits. */
@ApplicationScoped
public class CommandWaiters {

    private final Map<String, Set<AsyncResponse>> waiting = new ConcurrentHashMap<>();

    public void add(String commandId, AsyncResponse response) {
        waiting.computeIfAbsent(commandId, id -> ConcurrentHashMap.newKeySet()).add(response);
    }

    public void remove(String commandId, AsyncResponse response) {
        waiting.computeIfPresent(commandId, (id, set) -> {
            set.remove(response);
            return set.isEmpty() ? null : set;
        });
    }

    /** Takes every waiter of a command; each is handed out once. */
    public Set<AsyncResponse> take(String commandId) {
        Set<AsyncResponse> taken = waiting.remove(commandId);
        return taken == null ? Set.of() : taken;
    }

    public boolean hasWaiters(String commandId) {
        return waiting.containsKey(commandId);
    }
}
