package org.ratatosk.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs work once the current transaction has committed, so what it announces (a wake-up, a linking
 * pass) is durable when others see it; with no transaction it runs at once, and after a rollback
 * never. The one after-commit mechanism of the application.
 */
@ApplicationScoped
public class AfterCommit {

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void run(Runnable work) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            work.run();
        } else if (status == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int completion) {
                    if (completion == Status.STATUS_COMMITTED) {
                        work.run();
                    }
                }
            });
        }
    }

    /**
     * Gathers {@code items} under {@code key} for the whole transaction and hands them, without
     * repeats and in the order first given, to {@code work} once, after the commit.
     */
    public <T> void collect(Object key, Collection<T> items, Consumer<List<T>> work) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            run(() -> work.accept(List.copyOf(new LinkedHashSet<>(items))));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<T> gathered = (Set<T>) transactions.getResource(key);
        if (gathered == null) {
            Set<T> fresh = new LinkedHashSet<>();
            transactions.putResource(key, fresh);
            run(() -> work.accept(List.copyOf(fresh)));
            gathered = fresh;
        }
        gathered.addAll(items);
    }
}
