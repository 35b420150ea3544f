package org.ratatosk.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The long polls this node holds, devices' on mailboxes and application servers' on commands, as
 * suspended responses: no thread waits. A wake-up from the topic or the poll's own time answers
 * each once.
 */
@ApplicationScoped
public class LongPolls {

    private final Map<WakeUpTopic.Kind, Map<String, Set<AsyncResponse>>> waiting = new EnumMap<>(WakeUpTopic.Kind.class);

    public LongPolls() {
        for (WakeUpTopic.Kind kind : WakeUpTopic.Kind.values()) {
            waiting.put(kind, new ConcurrentHashMap<>());
        }
    }

    /**
     * Holds {@code response} until a wake-up of {@code key} or {@code seconds} have passed, then
     * answers with what {@code read} gives; answers at once when that is {@code ready} already.
     */
    public <T> void hold(WakeUpTopic.Kind kind, String key, AsyncResponse response, int seconds,
                         Supplier<T> read, Predicate<T> ready) {
        try {
            add(kind, key, response);
            response.setTimeout(seconds, TimeUnit.SECONDS);
            response.setTimeoutHandler(timedOut -> {
                remove(kind, key, timedOut);
                timedOut.resume(read.get().toString());
            });
            T again = read.get();
            if (ready.test(again)) {
                remove(kind, key, response);
                response.resume(again.toString());
            }
        } catch (RuntimeException e) {
            remove(kind, key, response);
            throw e;
        }
    }

    /**
     * Answers every long poll this node holds on {@code key} with what {@code answer} gives. When it
     * gives nothing, as for a wake-up that arrives after what it announced was taken, the polls wait on.
     */
    public void wake(WakeUpTopic.Kind kind, String key, Function<String, Optional<?>> answer) {
        Map<String, Set<AsyncResponse>> byKey = waiting.get(kind);
        if (!byKey.containsKey(key)) {
            return;
        }
        Optional<?> value = answer.apply(key);
        if (value.isEmpty()) {
            return;
        }
        Set<AsyncResponse> woken = byKey.remove(key);
        if (woken != null) {
            String body = value.get().toString();
            woken.forEach(response -> response.resume(body));
        }
    }

    void add(WakeUpTopic.Kind kind, String key, AsyncResponse response) {
        waiting.get(kind).compute(key, (k, set) -> {
            Set<AsyncResponse> waiters = set == null ? ConcurrentHashMap.newKeySet() : set;
            waiters.add(response);
            return waiters;
        });
    }

    void remove(WakeUpTopic.Kind kind, String key, AsyncResponse response) {
        waiting.get(kind).computeIfPresent(key, (k, set) -> {
            set.remove(response);
            return set.isEmpty() ? null : set;
        });
    }

    /** How many long polls this node holds on {@code key}. */
    int holding(WakeUpTopic.Kind kind, String key) {
        Set<AsyncResponse> waiters = waiting.get(kind).get(key);
        return waiters == null ? 0 : waiters.size();
    }
}
