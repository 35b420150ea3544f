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
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells every node, through a topic, that commands are final once that state has committed, so
 * whichever node holds an application server's long poll on one answers at once. A batch of
 * commands made final together goes in one message, not one each.
 */
@ApplicationScoped
public class CommandWakeUps {

    private static final Logger LOG = Logger.getLogger(CommandWakeUps.class.getName());
    private static final String SEPARATOR = ",";

    @Resource
    ManagedExecutorService executor;

    @Resource
    ConnectionFactory connectionFactory;

    @Resource(lookup = ExpiryDestinations.COMMAND_FINISHED_TOPIC)
    Topic topic;

    void onFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommandFinished finished) {
        executor.execute(() -> publish(List.of(finished.commandId())));
    }

    void onFinishedTogether(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommandsFinished finished) {
        List<String> commandIds = finished.commandIds();
        if (!commandIds.isEmpty()) {
            executor.execute(() -> publish(commandIds));
        }
    }

    void publish(List<String> commandIds) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(60_000)
                    .send(topic, body(commandIds));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not publish that " + commandIds.size() + " command(s) finished, the first "
                    + commandIds.get(0) + "; their long polls answer at their timeout", e);
        }
    }

    /** The body of a message naming {@code commandIds}. */
    static String body(List<String> commandIds) {
        return String.join(SEPARATOR, commandIds);
    }

    /** The commands a published message names. */
    public static List<String> commandIds(String body) {
        return body.isEmpty() ? List.of() : Arrays.asList(body.split(SEPARATOR));
    }
}
