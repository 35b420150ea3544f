package org.ratatosk.platform;

/** One part of the server that health reports on. Implementations are CDI beans. */
public interface HealthCheck {

    String name();

    /** Throws when the part is down; the exception's message is shown. */
    void check() throws Exception;
}
