package org.ratatosk.audit.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.ratatosk.audit.entity.AuditEvent;
import org.ratatosk.audit.entity.AuditHead;

/**
 * Moves recorded changes into the hash chain, oldest first, in short transactions of their own
 * that hold the chain's head only while they link. Any node may link; the head serialises them.
 */
@Stateless
public class AuditLinker {

    static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    /** Links up to one batch of committed changes; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int linkBatch() {
        // Nothing waiting, nothing locked: H2 and PostgreSQL both write a row they lock, so an idle
        // pass, and every read of the trail, would otherwise cost a write.
        if (em.createQuery("SELECT e.id FROM AuditEvent e", String.class).setMaxResults(1).getResultList().isEmpty()) {
            return 0;
        }
        // The head first: a second linker waits here, then sees only what the first left.
        em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        // The ids sort as the instants they were recorded at, so the primary key gives the order.
        List<AuditEvent> events = em.createQuery("SELECT e FROM AuditEvent e ORDER BY e.id", AuditEvent.class)
                .setMaxResults(BATCH)
                .getResultList();
        for (AuditEvent event : events) {
            AuditChain.append(em, event.recordedAt(), event.actor(), event.subjectType(), event.subjectId(),
                    event.action(), event.detail());
            em.remove(event);
        }
        return events.size();
    }

    @Inject
    AuditLinkScheduler linking;

    /**
     * A linking pass after {@code delayMillis}, on the container's own asynchronous threads: the
     * container ends them with the application, where a task of a managed executor could still
     * reach this bean after its undeployment (seen on Payara).
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void drainLater(long delayMillis) {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        linking.drain();
    }

    /** Links everything committed so far. */
    public void linkAll() {
        while (linkBatch() == BATCH) {
            // a full batch: there may be more
        }
    }
}
