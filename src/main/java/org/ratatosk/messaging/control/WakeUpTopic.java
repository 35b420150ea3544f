package org.ratatosk.messaging.control;

import jakarta.jms.JMSDestinationDefinition;
import java.util.Arrays;
import java.util.List;

/**
 * The topic every node listens to for what ends a long poll: a mailbox that has a new message or a
 * command that became final. One message names the keys of one kind, comma-separated; a message
 * without a kind names mailboxes.
 */
@JMSDestinationDefinition(name = WakeUpTopic.NAME, interfaceName = "jakarta.jms.Topic", destinationName = "HermodWakeUp")
public final class WakeUpTopic {

    public static final String NAME = "java:app/jms/HermodWakeUp";
    /** The message property that names the {@link Kind}. */
    public static final String KIND = "kind";
    private static final String SEPARATOR = ",";

    /** What a wake-up is about, and so which long polls it ends. */
    public enum Kind {
        /** A device's long poll on its mailbox, keyed by mailbox id. */
        MAILBOX,
        /** An application server's long poll on a command, keyed by command id. */
        COMMAND;

        /** The kind a message property names; none is a mailbox's. */
        public static Kind of(String property) {
            return property == null ? MAILBOX : valueOf(property);
        }
    }

    private WakeUpTopic() {
    }

    /** The body of a message naming {@code keys}. */
    public static String body(List<String> keys) {
        return String.join(SEPARATOR, keys);
    }

    /** The keys a message body names. */
    public static List<String> keys(String body) {
        return body.isEmpty() ? List.of() : Arrays.asList(body.split(SEPARATOR));
    }
}
