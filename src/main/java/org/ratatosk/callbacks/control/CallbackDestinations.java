package org.ratatosk.callbacks.control;

import jakarta.jms.JMSDestinationDefinition;

/** The queue of callback attempts; each message names a command and is due at its delivery delay. */
@JMSDestinationDefinition(name = CallbackDestinations.QUEUE, interfaceName = "jakarta.jms.Queue",
        destinationName = "HermodCallbacks")
public final class CallbackDestinations {

    public static final String QUEUE = "java:app/jms/HermodCallbacks";

    private CallbackDestinations() {
    }
}
