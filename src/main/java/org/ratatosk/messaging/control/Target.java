package org.ratatosk.messaging.control;

import org.ratatosk.messaging.entity.Mailbox;

/** One resolved destination of a command: the address as given, the profile and its mailbox. */
record Target(String to, String profileId, Mailbox mailbox) {
}
