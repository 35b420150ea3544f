package org.ratatosk.messaging.control;

import jakarta.jms.JMSDestinationDefinition;
import org.ratatosk.platform.ExpiryScheduler;

/** The queue of deadlines, which the application declares for itself; the wake-up topic is {@link WakeUpTopic}. */
@JMSDestinationDefinition(name = ExpiryDestinations.EXPIRY_QUEUE,
        interfaceName = "jakarta.jms.Queue", destinationName = "HermodExpiry")
public final class ExpiryDestinations {

    public static final String EXPIRY_QUEUE = ExpiryScheduler.QUEUE;

    private ExpiryDestinations() {
    }
}
