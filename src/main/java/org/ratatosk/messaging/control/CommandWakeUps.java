package org.ratatosk.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells every node, through a topic, that a command is final once that state has committed, so
 * whichever node holds an application server's long poll on it answers at once.
 */
@ApplicationScoped
public class CommandWakeUps {

    private static final Logger LOG = Logger.getLogger(CommandWakeUps.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Resource
    ConnectionFactory connectionFactory;

    @Resource(lookup = ExpiryDestinations.COMMAND_FINISHED_TOPIC)
    Topic topic;

    void onFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommandFinished finished) {
        executor.execute(() -> publish(finished.commandId()));
    }

    void publish(String commandId) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(60_000).send(topic, commandId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not publish that command " + commandId
                    + " finished; its long polls answer at their timeout", e);
        }
    }
}
