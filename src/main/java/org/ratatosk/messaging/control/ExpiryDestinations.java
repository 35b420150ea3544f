package org.ratatosk.messaging.control;

import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSDestinationDefinitions;
import org.ratatosk.platform.ExpiryScheduler;

/** The messaging destinations the application declares for itself. */
@JMSDestinationDefinitions({
        @JMSDestinationDefinition(name = ExpiryDestinations.EXPIRY_QUEUE,
                interfaceName = "jakarta.jms.Queue", destinationName = "HermodExpiry"),
        @JMSDestinationDefinition(name = ExpiryDestinations.WAKE_UP_TOPIC,
                interfaceName = "jakarta.jms.Topic", destinationName = "HermodWakeUp"),
        @JMSDestinationDefinition(name = ExpiryDestinations.COMMAND_FINISHED_TOPIC,
                interfaceName = "jakarta.jms.Topic", destinationName = "HermodCommandFinished")
})
public final class ExpiryDestinations {

    public static final String EXPIRY_QUEUE = ExpiryScheduler.QUEUE;
    public static final String WAKE_UP_TOPIC = "java:app/jms/HermodWakeUp";
    public static final String COMMAND_FINISHED_TOPIC = "java:app/jms/HermodCommandFinished";

    private ExpiryDestinations() {
    }
}
