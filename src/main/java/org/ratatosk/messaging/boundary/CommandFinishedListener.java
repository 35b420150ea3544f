package org.ratatosk.messaging.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.Set;
import org.ratatosk.messaging.control.CommandWaiters;
import org.ratatosk.messaging.control.CommandWakeUps;
import org.ratatosk.messaging.control.Commands;
import org.ratatosk.messaging.control.ExpiryDestinations;

/** Every node hears of every finished command and answers the long polls it holds on it. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ExpiryDestinations.COMMAND_FINISHED_TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")
})
public class CommandFinishedListener implements MessageListener {

    @Inject
    CommandWaiters waiters;

    @Inject
    Commands commands;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onMessage(Message message) {
        String body;
        try {
            body = message.getBody(String.class);
        } catch (JMSException e) {
            return;
        }
        for (String commandId : CommandWakeUps.commandIds(body)) {
            if (waiters.hasWaiters(commandId)) {
                Set<AsyncResponse> woken = waiters.take(commandId);
                commands.envelopeOf(commandId)
                        .ifPresent(envelope -> woken.forEach(response -> response.resume(envelope.toString())));
            }
        }
    }
}
