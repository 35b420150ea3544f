package org.ratatosk.messaging.control;

import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;

/**
 * A command reached its final state. Fired synchronously, inside the transaction that made the
 * state final, from {@link Commands#finished}; commands made final together in one batch
 * ({@link Commands#finishedAll}) come as one {@link CommandsFinished} instead, and every observer
 * of this event observes that one too.
 * Observers that must act only once that state is durable use
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}; observers that write (a queued
 * callback, an audit row) use a plain {@code @Observes} and so commit or roll back with it.
 */
public record CommandFinished(String commandId, String clientId, CommandType type, CommandState state,
                              String answeredProfileId) {
}
