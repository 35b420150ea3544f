package org.ratatosk.callbacks.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.OptionalInt;
import org.ratatosk.callbacks.control.CallbackDeliveries;
import org.ratatosk.callbacks.control.CallbackDestinations;
import org.ratatosk.callbacks.control.CallbackScheduler;

/**
 * Takes callback attempts off their queue when they are due: one command's, or the first ones of
 * many. Delivery is not part of a transaction: each attempt is made and recorded in a transaction
 * of its own on the database, a copy of an attempt that already ran is dropped, and the broker takes
 * the message back when the attempt throws.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = CallbackDestinations.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16")
})
public class CallbackListener implements MessageListener {

    @Inject
    CallbackDeliveries deliveries;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onMessage(Message message) {
        try {
            if (message.propertyExists(CallbackScheduler.FIRST_ATTEMPTS)
                    && message.getBooleanProperty(CallbackScheduler.FIRST_ATTEMPTS)) {
                deliveries.attemptAll(CallbackScheduler.commandIds(message.getBody(String.class)));
                return;
            }
            OptionalInt attemptsBefore = message.propertyExists(CallbackScheduler.ATTEMPTS_BEFORE)
                    ? OptionalInt.of(message.getIntProperty(CallbackScheduler.ATTEMPTS_BEFORE)) : OptionalInt.empty();
            deliveries.attempt(message.getBody(String.class), attemptsBefore);
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable callback message", e);
        }
    }
}
