package org.ratatosk.enrollment.control;

import jakarta.jms.JMSDestinationDefinition;

/** The queue of enrollments to issue; each message names a completed provisioning command. */
@JMSDestinationDefinition(name = EnrollmentDestinations.QUEUE, interfaceName = "jakarta.jms.Queue",
        destinationName = "HermodEnrollment")
public final class EnrollmentDestinations {

    public static final String QUEUE = "java:app/jms/HermodEnrollment";

    private EnrollmentDestinations() {
    }
}
