package org.ratatosk.messaging.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Clock;
import java.time.Instant;
import org.ratatosk.messaging.control.Expiry;
import org.ratatosk.messaging.control.ExpiryDestinations;
import org.ratatosk.messaging.control.ExpirySweep;
import org.ratatosk.platform.Deadline;
import org.ratatosk.platform.ExpiryScheduler;

/**
 * Receives deadlines from the expiry queue when their delivery delay has passed. Delivery is not
 * part of a transaction: the broker takes the message back when handling it throws, and each
 * deadline is acted on in a transaction of its own that does nothing for what is already final,
 * so the many deadlines of commands that finished in time cost no distributed commit. A command's
 * timeout has every overdue command drained shortly, oldest first, with those falling meanwhile.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ExpiryDestinations.EXPIRY_QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class ExpiryListener implements MessageListener {

    @Inject
    Clock clock;

    @Inject
    Expiry expiry;

    @Inject
    ExpirySweep sweep;

    @Inject
    ExpiryScheduler scheduler;

    @Inject
    Event<Deadline> deadlines;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onMessage(Message message) {
        try {
            String id = message.getBody(String.class);
            String kind = message.getStringProperty(ExpiryScheduler.KIND);
            if (ExpiryScheduler.COMMAND_TIMEOUT.equals(kind)) {
                commandTimedOut(message, id);
            } else if (ExpiryScheduler.MESSAGE_LIFESPAN.equals(kind)) {
                expiry.lifespanEnded(id);
            } else if (kind != null) {
                deadlines.fire(new Deadline(kind, id));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable expiry message", e);
        }
    }

    private void commandTimedOut(Message message, String commandId) throws JMSException {
        if (message.propertyExists(ExpiryScheduler.DUE)) {
            long due = message.getLongProperty(ExpiryScheduler.DUE);
            if (due > clock.millis()) {
                scheduler.commandTimeout(commandId, Instant.ofEpochMilli(due));
                return;
            }
        }
        sweep.drainSoon();
    }
}
