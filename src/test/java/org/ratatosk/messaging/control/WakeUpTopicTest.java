package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;

/** A wake-up message names every key of its batch, and a listener reads back the same keys in order. */
class WakeUpTopicTest {

    @Test
    void aBatchTravelsAsOneBodyAndReadsBackInOrder() {
        List<String> ids = List.of("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11", "5d2f3a10-7c44-4e2b-8a9f-3e6c1b2d4f22",
                "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c33");
        String body = WakeUpTopic.body(ids);
        assertEquals("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11,5d2f3a10-7c44-4e2b-8a9f-3e6c1b2d4f22,"
                + "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c33", body);
        assertEquals(ids, WakeUpTopic.keys(body));
    }

    @Test
    void aSingleKeyIsItselfAlone() {
        assertEquals("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11", WakeUpTopic.body(List.of("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11")));
        assertEquals(List.of("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11"),
                WakeUpTopic.keys("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11"));
    }

    @Test
    void anEmptyBodyNamesNothing() {
        assertEquals(List.of(), WakeUpTopic.keys(""));
    }

    @Test
    void aMessageWithoutAKindWakesMailboxes() {
        assertEquals(WakeUpTopic.Kind.MAILBOX, WakeUpTopic.Kind.of(null));
        assertEquals(WakeUpTopic.Kind.COMMAND, WakeUpTopic.Kind.of("COMMAND"));
        assertThrows(IllegalArgumentException.class, () -> WakeUpTopic.Kind.of("PROFILE"));
    }

    @Test
    void aBatchEventListsItsCommandsInTheOrderTheyWereMadeFinal() {
        CommandsFinished batch = new CommandsFinished(List.of(
                new CommandFinished("c-2", "portal", CommandType.PING, CommandState.EXPIRED, null),
                new CommandFinished("c-1", "portal", CommandType.PROV, CommandState.EXPIRED, null)));
        assertEquals(List.of("c-2", "c-1"), batch.commandIds());
    }
}
