package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.TimeoutHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A held long poll is answered once: by a wake-up of its key and kind, by its timeout, or at once when ready. */
class LongPollsTest {

    /** A suspended response that records what it was answered with and the timeout it was given. */
    static final class Poll {
        final List<Object> answers = new ArrayList<>();
        long timeoutSeconds;
        TimeoutHandler timeoutHandler;
        final AsyncResponse response = (AsyncResponse) Proxy.newProxyInstance(AsyncResponse.class.getClassLoader(),
                new Class<?>[] {AsyncResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "resume" -> answers.add(args[0]);
                    case "setTimeout" -> {
                        timeoutSeconds = ((TimeUnit) args[1]).toSeconds((Long) args[0]);
                        yield true;
                    }
                    case "setTimeoutHandler" -> {
                        timeoutHandler = (TimeoutHandler) args[0];
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private final LongPolls longPolls = new LongPolls();
    private String state = "empty";

    private void hold(WakeUpTopic.Kind kind, String key, Poll poll) {
        longPolls.hold(kind, key, poll.response, 30, () -> state, s -> !s.equals("empty"));
    }

    @Test
    void aWakeUpAnswersEveryPollOnItsKeyOnce() {
        Poll first = new Poll();
        Poll second = new Poll();
        hold(WakeUpTopic.Kind.MAILBOX, "b-1", first);
        hold(WakeUpTopic.Kind.MAILBOX, "b-1", second);
        assertEquals(30, first.timeoutSeconds);
        assertEquals(2, longPolls.holding(WakeUpTopic.Kind.MAILBOX, "b-1"));

        longPolls.wake(WakeUpTopic.Kind.MAILBOX, "b-1", bid -> Optional.of("listing of " + bid));
        longPolls.wake(WakeUpTopic.Kind.MAILBOX, "b-1", bid -> Optional.of("again"));

        assertEquals(List.of("listing of b-1"), first.answers);
        assertEquals(List.of("listing of b-1"), second.answers);
        assertEquals(0, longPolls.holding(WakeUpTopic.Kind.MAILBOX, "b-1"));
    }

    @Test
    void aWakeUpOfAnotherKindOrKeyLeavesThePollHeld() {
        Poll poll = new Poll();
        hold(WakeUpTopic.Kind.COMMAND, "c-1", poll);
        longPolls.wake(WakeUpTopic.Kind.MAILBOX, "c-1", key -> Optional.of("wrong kind"));
        longPolls.wake(WakeUpTopic.Kind.COMMAND, "c-2", key -> Optional.of("wrong key"));
        assertEquals(List.of(), poll.answers);
        assertEquals(1, longPolls.holding(WakeUpTopic.Kind.COMMAND, "c-1"));
    }

    @Test
    void aPollOnSomethingReadyIsAnsweredAtOnceAndNotHeld() {
        state = "one message";
        Poll poll = new Poll();
        hold(WakeUpTopic.Kind.MAILBOX, "b-1", poll);
        assertEquals(List.of("one message"), poll.answers);
        assertEquals(0, longPolls.holding(WakeUpTopic.Kind.MAILBOX, "b-1"));
    }

    @Test
    void theTimeoutAnswersWithWhatIsThereThenAndLetsGo() {
        Poll poll = new Poll();
        hold(WakeUpTopic.Kind.COMMAND, "c-1", poll);
        state = "IN_PROGRESS still";
        assertNotNull(poll.timeoutHandler);
        poll.timeoutHandler.handleTimeout(poll.response);
        assertEquals(List.of("IN_PROGRESS still"), poll.answers);
        assertEquals(0, longPolls.holding(WakeUpTopic.Kind.COMMAND, "c-1"));
    }

    @Test
    void aWakeUpWithNothingToAnswerLeavesThePollsWaiting() {
        Poll poll = new Poll();
        hold(WakeUpTopic.Kind.COMMAND, "c-gone", poll);
        longPolls.wake(WakeUpTopic.Kind.COMMAND, "c-gone", id -> Optional.empty());
        assertEquals(List.of(), poll.answers);
        assertEquals(1, longPolls.holding(WakeUpTopic.Kind.COMMAND, "c-gone"));

        longPolls.wake(WakeUpTopic.Kind.COMMAND, "c-gone", id -> Optional.of("back"));
        assertEquals(List.of("back"), poll.answers);
        assertEquals(0, longPolls.holding(WakeUpTopic.Kind.COMMAND, "c-gone"));
    }

    @Test
    void aFailedReadLeavesNothingHeld() {
        Poll poll = new Poll();
        assertThrows(IllegalStateException.class, () -> longPolls.hold(WakeUpTopic.Kind.MAILBOX, "b-1", poll.response, 30,
                () -> {
                    throw new IllegalStateException("database down");
                }, s -> true));
        assertEquals(0, longPolls.holding(WakeUpTopic.Kind.MAILBOX, "b-1"));
    }
}
