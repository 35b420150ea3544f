package org.ratatosk.callbacks.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.ratatosk.callbacks.control.CallbackDeliveries;
import org.ratatosk.callbacks.control.CallbackDestinations;

/** Takes callback attempts off their queue when they are due. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = CallbackDestinations.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16")
})
public class CallbackListener implements MessageListener {

    @Inject
    CallbackDeliveries deliveries;

    @Override
    public void onMessage(Message message) {
        try {
            deliveries.attempt(message.getBody(String.class));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable callback message", e);
        }
    }
}
