package org.ratatosk.enrollment.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.ratatosk.enrollment.control.EnrollmentDestinations;
import org.ratatosk.enrollment.control.Enrollments;
import org.ratatosk.platform.DomainException;

/**
 * Issues queued enrollments. A refusal is recorded on the enrollment; any other failure (the HSM
 * unreachable, for one) rolls the message back, and the broker redelivers it later.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = EnrollmentDestinations.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class EnrollmentListener implements MessageListener {

    @Inject
    Enrollments enrollments;

    @Override
    public void onMessage(Message message) {
        String commandId;
        try {
            commandId = message.getBody(String.class);
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable enrollment message", e);
        }
        try {
            enrollments.issue(commandId);
        } catch (DomainException refused) {
            enrollments.fail(commandId, refused.code().name(), refused.getMessage());
        }
    }
}
