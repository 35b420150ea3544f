package org.ratatosk.messaging.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Optional;
import org.ratatosk.messaging.control.Commands;
import org.ratatosk.messaging.control.LongPolls;
import org.ratatosk.messaging.control.Mailboxes;
import org.ratatosk.messaging.control.WakeUpTopic;

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
    LongPolls longPolls;

    @Inject
    Mailboxes mailboxes;

    @Inject
    Commands commands;

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
        for (String key : WakeUpTopic.keys(body)) {
            switch (kind) {
                case MAILBOX -> longPolls.wake(kind, key, bid -> Optional.of(mailboxes.list(bid)));
                case COMMAND -> longPolls.wake(kind, key, commands::envelopeOf);
            }
        }
    }
}
