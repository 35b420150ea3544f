package org.ratatosk.tokens.control;

import java.security.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.HsmUnavailableException;

/**
 * The current connection to the HSM, and its replacement after a failure. Any failure of the
 * module drops the connection and its login; the next call builds a new one, so the server
 * recovers when the HSM returns without a restart, and while it is down calls fail fast.
 */
final class Pkcs11Connections {

    private static final Logger LOG = Logger.getLogger(Pkcs11Connections.class.getName());

    private static final long RETRY_INTERVAL_NANOS = 1_000_000_000L;

    private final Pkcs11Configuration configuration;
    private final char[] pin;
    private volatile Pkcs11Connection connection;
    /** The provider of the last connection that failed: its module is started afresh before reconnecting. */
    private Provider failedProvider;
    /** While the HSM is down, calls fail fast instead of each trying to connect. */
    private Failure lastFailure;

    Pkcs11Connections(Pkcs11Configuration configuration, char[] pin) {
        this.configuration = configuration;
        this.pin = pin;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Pkcs11Connection connection) throws Exception;
    }

    /** Runs the work on the current connection; a failure that is not the caller's drops the connection. */
    <T> T use(Work<T> work) {
        Pkcs11Connection current = connect();
        try {
            return work.run(current);
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            drop(current, e);
            throw new HsmUnavailableException("The HSM failed: " + e.getMessage(), e);
        }
    }

    synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private Pkcs11Connection connect() {
        Pkcs11Connection current = connection;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (connection != null) {
                return connection;
            }
            long now = System.nanoTime();
            if (lastFailure != null && now - lastFailure.at < RETRY_INTERVAL_NANOS) {
                throw new HsmUnavailableException("The HSM cannot be reached: " + lastFailure.reason, null);
            }
            if (failedProvider != null) {
                Pkcs11Module.restart(failedProvider);
            } else if (lastFailure != null) {
                Pkcs11Module.restart(configuration.library());
            }
            try {
                connection = new Pkcs11Connection(configuration, pin);
                failedProvider = null;
                lastFailure = null;
                LOG.info("Connected to the HSM through " + configuration.library());
                return connection;
            } catch (Exception | LinkageError e) {
                lastFailure = new Failure(System.nanoTime(), String.valueOf(e.getMessage()));
                throw new HsmUnavailableException("The HSM cannot be reached: " + e.getMessage(), e);
            }
        }
    }

    private record Failure(long at, String reason) {
    }

    private synchronized void drop(Pkcs11Connection failed, Throwable cause) {
        if (connection == failed) {
            LOG.log(Level.WARNING, "HSM call failed; reconnecting on the next call: " + cause);
            connection = null;
            failed.close();
            failedProvider = failed.strict.provider;
        }
    }
}
