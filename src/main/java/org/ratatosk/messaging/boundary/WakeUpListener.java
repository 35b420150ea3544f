package org.ratatosk.messaging.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.Set;
import org.ratatosk.messaging.control.ExpiryDestinations;
import org.ratatosk.messaging.control.MailboxWaiters;
import org.ratatosk.messaging.control.Mailboxes;

/** Every node hears every wake-up and answers the long polls it holds for that mailbox. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ExpiryDestinations.WAKE_UP_TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")
})
public class WakeUpListener implements MessageListener {

    @Inject
    MailboxWaiters waiters;

    @Inject
    Mailboxes mailboxes;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onMessage(Message message) {
        String bid;
        try {
            bid = message.getBody(String.class);
        } catch (JMSException e) {
            return;
        }
        if (!waiters.hasWaiters(bid)) {
            return;
        }
        Set<AsyncResponse> woken = waiters.take(bid);
        JsonObject listing = mailboxes.list(bid);
        woken.forEach(response -> response.resume(listing.toString()));
    }
}
