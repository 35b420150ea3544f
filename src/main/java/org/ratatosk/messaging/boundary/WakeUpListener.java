package org.ratatosk.messaging.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.ratatosk.messaging.control.WakeUpTopic;
import org.ratatosk.messaging.control.WakeUps;

/**
 * Every node hears every wake-up and answers the long polls it holds on what it names: a mailbox's
 * with the mailbox's listing, a command's with its envelope.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = WakeUpTopic.NAME),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")
})
public class WakeUpListener implements MessageListener {

    @Inject
    WakeUps wakeUps;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onMessage(Message message) {
        WakeUpTopic.Kind kind;
        String body;
        try {
            kind = WakeUpTopic.Kind.of(message.getStringProperty(WakeUpTopic.KIND));
            body = message.getBody(String.class);
        } catch (JMSException | IllegalArgumentException e) {
            return;
        }
        wakeUps.wakeHere(kind, WakeUpTopic.keys(body));
    }
}
