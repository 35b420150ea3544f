package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;

/** A wake-up message names every command of its batch, and a listener reads back the same ids in order. */
class CommandWakeUpsTest {

    @Test
    void aBatchTravelsAsOneBodyAndReadsBackInOrder() {
        List<String> ids = List.of("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11", "5d2f3a10-7c44-4e2b-8a9f-3e6c1b2d4f22",
                "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c33");
        String body = CommandWakeUps.body(ids);
        assertEquals("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11,5d2f3a10-7c44-4e2b-8a9f-3e6c1b2d4f22,"
                + "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c33", body);
        assertEquals(ids, CommandWakeUps.commandIds(body));
    }

    @Test
    void aSingleCommandIsItsIdAlone() {
        assertEquals("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11", CommandWakeUps.body(List.of("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11")));
        assertEquals(List.of("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11"),
                CommandWakeUps.commandIds("0b7e1c9a-4f1e-4c55-9d0e-2b8f0b1d7a11"));
    }

    @Test
    void anEmptyBodyNamesNoCommand() {
        assertEquals(List.of(), CommandWakeUps.commandIds(""));
    }

    @Test
    void aBatchEventListsItsCommandsInTheOrderTheyWereMadeFinal() {
        CommandsFinished batch = new CommandsFinished(List.of(
                new CommandFinished("c-2", "portal", CommandType.PING, CommandState.EXPIRED, null),
                new CommandFinished("c-1", "portal", CommandType.PROV, CommandState.EXPIRED, null)));
        assertEquals(List.of("c-2", "c-1"), batch.commandIds());
    }
}
