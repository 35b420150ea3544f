package org.ratatosk.platform;

/**
 * A deadline of another component, delivered through the expiry queue as a CDI event; the kind
 * tells the observers whose it is.
 */
public record Deadline(String kind, String id) {
}
