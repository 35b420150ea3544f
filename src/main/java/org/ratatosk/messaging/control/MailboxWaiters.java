package org.ratatosk.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The long polls this node holds, by mailbox. Woken by the wake-up topic; no thread waits. */
@ApplicationScoped
public class MailboxWaiters {

    private final Map<String, Set<AsyncResponse>> waiting = new ConcurrentHashMap<>();

    public void add(String bid, AsyncResponse response) {
        waiting.compute(bid, (b, set) -> {
            Set<AsyncResponse> waiters = set == null ? ConcurrentHashMap.newKeySet() : set;
            waiters.add(response);
            return waiters;
        });
    }

    public void remove(String bid, AsyncResponse response) {
        waiting.computeIfPresent(bid, (b, set) -> {
            set.remove(response);
            return set.isEmpty() ? null : set;
        });
    }

    /** Takes every waiter of a mailbox; each is handed out once. */
    public Set<AsyncResponse> take(String bid) {
        Set<AsyncResponse> taken = waiting.remove(bid);
        return taken == null ? Set.of() : taken;
    }

    public boolean hasWaiters(String bid) {
        return waiting.containsKey(bid);
    }
}
