package org.ratatosk.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Topic;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ratatosk.platform.AfterCommit;
import org.ratatosk.platform.SendAfterCommit;

/**
 * Tells every node, through the wake-up topic and once the transaction has committed, that a
 * mailbox has a new message or a command is final, so whichever node holds a long poll on it
 * answers at once and finds what woke it. What one transaction wakes goes in one message per kind.
 * The long polls of this node are answered first, without waiting for the topic to bring the
 * message back; when it does, they are gone, and the message costs a look-up.
 */
@ApplicationScoped
public class WakeUps {

    private static final Logger LOG = Logger.getLogger(WakeUps.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    SendAfterCommit sends;

    @Resource(lookup = WakeUpTopic.NAME)
    Topic topic;

    @Inject
    AfterCommit afterCommit;

    @Inject
    LongPolls longPolls;

    @Inject
    Mailboxes mailboxes;

    @Inject
    Commands commands;

    /** Wakes the long polls on {@code keys} once the current transaction has committed. */
    public void afterCommit(WakeUpTopic.Kind kind, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            afterCommit.collect(new Pending(kind), keys, all -> executor.execute(() -> {
                wakeHereSafely(kind, all);
                publish(kind, all);
            }));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not arrange the wake-up of " + kind + " " + keys.get(0)
                    + "; its long polls answer at their timeout", e);
        }
    }

    /** What the current transaction wakes of one kind; a key of its own among the transaction's resources. */
    private record Pending(WakeUpTopic.Kind kind) {
    }

    void onFinished(@Observes CommandFinished finished) {
        afterCommit(WakeUpTopic.Kind.COMMAND, List.of(finished.commandId()));
    }

    void onFinishedTogether(@Observes CommandsFinished finished) {
        afterCommit(WakeUpTopic.Kind.COMMAND, finished.commandIds());
    }

    /**
     * Answers the long polls this node holds on {@code keys}: a mailbox's with its listing when it
     * lists a message, a command's with its envelope.
     */
    public void wakeHere(WakeUpTopic.Kind kind, List<String> keys) {
        for (String key : keys) {
            switch (kind) {
                case MAILBOX -> longPolls.wake(kind, key, bid -> Optional.of(mailboxes.list(bid)).filter(Mailboxes::hasMessages));
                case COMMAND -> longPolls.wake(kind, key, commands::envelopeOf);
            }
        }
    }

    private void wakeHereSafely(WakeUpTopic.Kind kind, List<String> keys) {
        try {
            wakeHere(kind, keys);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not answer the long polls on " + kind + " " + keys.get(0)
                    + " here; the topic's message tries again", e);
        }
    }

    void publish(WakeUpTopic.Kind kind, List<String> keys) {
        try {
            sends.now(context -> context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(60_000)
                    .setProperty(WakeUpTopic.KIND, kind.name())
                    .send(topic, WakeUpTopic.body(keys)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not publish the wake-up of " + keys.size() + " " + kind + "(s), the first "
                    + keys.get(0) + "; their long polls answer at their timeout", e);
        }
    }
}
