package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Work announced after a commit runs once it has committed, never after a rollback, at once without a transaction. */
class AfterCommitTest {

    /** One transaction, completed by the test. */
    static final class Transaction implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_ACTIVE;
        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int outcome) {
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }

    private final Transaction transaction = new Transaction();
    private final AfterCommit afterCommit = new AfterCommit();
    private final List<String> ran = new ArrayList<>();

    AfterCommitTest() {
        afterCommit.transactions = transaction;
    }

    @Test
    void workWaitsForTheCommit() {
        afterCommit.run(() -> ran.add("linked"));
        assertEquals(List.of(), ran);
        transaction.complete(Status.STATUS_COMMITTED);
        assertEquals(List.of("linked"), ran);
    }

    @Test
    void aRollbackDropsTheWork() {
        afterCommit.run(() -> ran.add("linked"));
        transaction.complete(Status.STATUS_ROLLEDBACK);
        assertEquals(List.of(), ran);
    }

    @Test
    void aTransactionMarkedForRollbackRunsNothing() {
        transaction.setRollbackOnly();
        afterCommit.run(() -> ran.add("linked"));
        transaction.complete(Status.STATUS_ROLLEDBACK);
        assertEquals(List.of(), ran);
        assertEquals(0, transaction.synchronizations.size());
    }

    @Test
    void withoutATransactionTheWorkRunsAtOnce() {
        transaction.status = Status.STATUS_NO_TRANSACTION;
        afterCommit.run(() -> ran.add("linked"));
        assertEquals(List.of("linked"), ran);
    }

    @Test
    void whatATransactionCollectsIsHandedOverOnceWithoutRepeats() {
        List<List<String>> handed = new ArrayList<>();
        afterCommit.collect("mailboxes", List.of("b-1", "b-2"), handed::add);
        afterCommit.collect("mailboxes", List.of("b-2", "b-3"), handed::add);
        afterCommit.collect("commands", List.of("c-1"), handed::add);
        assertEquals(List.of(), handed);
        assertEquals(2, transaction.synchronizations.size());
        transaction.complete(Status.STATUS_COMMITTED);
        assertEquals(List.of(List.of("b-1", "b-2", "b-3"), List.of("c-1")), handed);
    }

    @Test
    void collectingWithoutATransactionHandsOverAtOnce() {
        transaction.status = Status.STATUS_NO_TRANSACTION;
        List<List<String>> handed = new ArrayList<>();
        afterCommit.collect("commands", List.of("c-1", "c-1", "c-2"), handed::add);
        assertEquals(List.of(List.of("c-1", "c-2")), handed);
    }
}
