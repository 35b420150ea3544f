package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ratatosk.platform.Jsons;

/** The long polls of this node are answered from what the wake-up names, whether it came from a commit here or the topic. */
class WakeUpsTest {

    private final List<String> reads = new ArrayList<>();
    private final Map<String, List<String>> listed = new HashMap<>();
    private final WakeUps wakeUps = new WakeUps();

    WakeUpsTest() {
        wakeUps.longPolls = new LongPolls();
        wakeUps.mailboxes = new Mailboxes() {
            @Override
            public JsonObject list(String bid) {
                reads.add("list " + bid);
                JsonArrayBuilder messages = Jsons.createArrayBuilder();
                listed.getOrDefault(bid, List.of("m-1")).forEach(messages::add);
                return Jsons.createObjectBuilder().add("messages", messages).build();
            }
        };
        wakeUps.commands = new Commands() {
            @Override
            public Optional<JsonObject> envelopeOf(String commandId) {
                reads.add("envelope " + commandId);
                return commandId.equals("c-gone") ? Optional.empty()
                        : Optional.of(Jsons.createObjectBuilder().add("commandId", commandId).build());
            }
        };
    }

    private LongPollsTest.Poll hold(WakeUpTopic.Kind kind, String key) {
        LongPollsTest.Poll poll = new LongPollsTest.Poll();
        wakeUps.longPolls.hold(kind, key, poll.response, 30, () -> "pending", s -> false);
        return poll;
    }

    @Test
    void aCommandsPollIsAnsweredWithItsEnvelopeAndAMailboxsWithItsListing() {
        LongPollsTest.Poll command = hold(WakeUpTopic.Kind.COMMAND, "c-1");
        LongPollsTest.Poll mailbox = hold(WakeUpTopic.Kind.MAILBOX, "b-1");

        wakeUps.wakeHere(WakeUpTopic.Kind.COMMAND, List.of("c-1", "c-2"));
        assertEquals(List.of("{\"commandId\":\"c-1\"}"), command.answers);
        assertEquals(List.of(), mailbox.answers);

        wakeUps.wakeHere(WakeUpTopic.Kind.MAILBOX, List.of("b-1"));
        assertEquals(List.of("{\"messages\":[\"m-1\"]}"), mailbox.answers);
        // Only what a poll was held on is read: c-2 had none.
        assertEquals(List.of("envelope c-1", "list b-1"), reads);
    }

    @Test
    void theTopicsCopyOfAWakeUpAnsweredHereReadsNothingAndAnswersNothingTwice() {
        LongPollsTest.Poll command = hold(WakeUpTopic.Kind.COMMAND, "c-1");
        wakeUps.wakeHere(WakeUpTopic.Kind.COMMAND, List.of("c-1"));
        wakeUps.wakeHere(WakeUpTopic.Kind.COMMAND, List.of("c-1"));
        assertEquals(1, command.answers.size());
        assertEquals(List.of("envelope c-1"), reads);
    }

    @Test
    void aCommandThatIsGoneLeavesItsPollsWaitingForTheirTimeout() {
        LongPollsTest.Poll command = hold(WakeUpTopic.Kind.COMMAND, "c-gone");
        wakeUps.wakeHere(WakeUpTopic.Kind.COMMAND, List.of("c-gone"));
        assertEquals(List.of(), command.answers);
        assertEquals(1, wakeUps.longPolls.holding(WakeUpTopic.Kind.COMMAND, "c-gone"));
        command.timeoutHandler.handleTimeout(command.response);
        assertEquals(List.of("pending"), command.answers);
        assertEquals(0, wakeUps.longPolls.holding(WakeUpTopic.Kind.COMMAND, "c-gone"));
    }

    @Test
    void aLateWakeUpOfAMailboxWhoseMessageWasTakenLeavesTheNextPollWaiting() {
        listed.put("b-1", List.of());
        LongPollsTest.Poll poll = hold(WakeUpTopic.Kind.MAILBOX, "b-1");
        // The topic's copy of the wake-up that brought the last message, after it was answered.
        wakeUps.wakeHere(WakeUpTopic.Kind.MAILBOX, List.of("b-1"));
        assertEquals(List.of(), poll.answers);
        assertEquals(1, wakeUps.longPolls.holding(WakeUpTopic.Kind.MAILBOX, "b-1"));

        listed.put("b-1", List.of("m-2"));
        wakeUps.wakeHere(WakeUpTopic.Kind.MAILBOX, List.of("b-1"));
        assertEquals(List.of("{\"messages\":[\"m-2\"]}"), poll.answers);
        assertEquals(0, wakeUps.longPolls.holding(WakeUpTopic.Kind.MAILBOX, "b-1"));
    }
}
