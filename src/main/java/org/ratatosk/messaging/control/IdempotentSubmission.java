package org.ratatosk.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.logging.Logger;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.platform.Causes;

/**
 * Submits a command; when a simultaneous submission with the same externalId won the race (the
 * database's unique key refused the second), submits again in a new transaction, which then finds
 * the winner and answers as for any retry: the same command, or 409 for a different body.
 */
@ApplicationScoped
public class IdempotentSubmission {

    private static final Logger LOG = Logger.getLogger(IdempotentSubmission.class.getName());
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    CommandSubmission submission;

    public JsonObject submit(ApiClient client, String typePath, String rawBody) {
        try {
            return submission.submit(client, typePath, rawBody);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            LOG.info("A simultaneous " + typePath + " submission of " + client.clientId()
                    + " with the same externalId was first; answering with that command");
            return submission.submit(client, typePath, rawBody);
        }
    }

    static boolean isUniqueViolation(Throwable thrown) {
        return Causes.any(thrown, cause -> cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()));
    }
}
