package org.ratatosk.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells every node that a mailbox has a new message, through a topic, once the transaction that
 * wrote the message has committed, so a woken device always finds it.
 */
@ApplicationScoped
public class WakeUps {

    private static final Logger LOG = Logger.getLogger(WakeUps.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ConnectionFactory connectionFactory;

    @Resource(lookup = ExpiryDestinations.WAKE_UP_TOPIC)
    Topic topic;

    public void afterCommit(String bid) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    executor.execute(() -> publish(bid));
                }
            }
        });
    }

    void publish(String bid) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(60_000).send(topic, bid);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not publish the wake-up of mailbox " + bid + "; its waiters wake at their timeout", e);
        }
    }
}
