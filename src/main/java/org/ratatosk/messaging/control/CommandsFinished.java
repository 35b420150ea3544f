package org.ratatosk.messaging.control;

import java.util.List;

/**
 * Many commands reached their final states in one transaction, as a recovery's batch of expiries
 * does: fired once by {@link Commands#finishedAll} where {@link Commands#finished} fires a
 * {@link CommandFinished} for each, so observers can write and publish for the whole batch at
 * once. The same rules of transaction phases apply.
 */
public record CommandsFinished(List<CommandFinished> commands) {

    public CommandsFinished {
        commands = List.copyOf(commands);
    }

    public List<String> commandIds() {
        return commands.stream().map(CommandFinished::commandId).toList();
    }
}
