package org.ratatosk.platform;

import jakarta.ejb.EJBException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one place where exceptions become HTTP answers in the contract's error shape. */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());
    /** A missing value is our bug, not a race. */
    private static final String NOT_NULL_VIOLATION = "23502";

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof ApiException api) {
            Response response = error(api.status(), api.code(), api.getMessage(), api.details());
            if (api.challenge() != null) {
                response.getHeaders().putSingle("WWW-Authenticate", api.challenge());
            }
            if (api.retryAfterSeconds() != null) {
                response.getHeaders().putSingle("Retry-After", String.valueOf(api.retryAfterSeconds()));
            }
            return response;
        }
        if (cause instanceof JsonParsingException || cause instanceof jakarta.json.JsonException) {
            return error(400, "MALFORMED_JSON", "The request body is not valid JSON", Map.of());
        }
        if (cause instanceof HsmUnavailableException) {
            return error(503, "HSM_UNAVAILABLE", "The HSM cannot be reached; try again later", Map.of());
        }
        if (brokerUnreachable(thrown)) {
            Response response = error(503, "MESSAGING_UNAVAILABLE",
                    "The message broker cannot be reached; nothing was accepted, try again later", Map.of());
            response.getHeaders().putSingle("Retry-After", "5");
            return response;
        }
        if (concurrentChange(thrown)) {
            return error(409, "CONCURRENT_CHANGE",
                    "Another request changed the same resource at the same time; read it and try again", Map.of());
        }
        if (unreadableBody(cause)) {
            LOG.fine("Request body not readable: " + cause.getCause());
            return error(400, "BODY_UNREADABLE", "The request body could not be read to its end", Map.of());
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            Map.Entry<String, String> described = ContainerErrors.describe(status);
            return error(status, described.getKey(), described.getValue(), Map.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, cause);
        return error(500, "INTERNAL_ERROR", "Unexpected server error; incident " + incident,
                Map.of("incident", incident));
    }

    /**
     * A lost race with another request: an optimistic lock conflict, or a unique key (SQL state
     * class 23) that another transaction took first. Looked for along the whole cause chain, since
     * Hibernate and EclipseLink wrap the driver's exception differently.
     */
    public static boolean concurrentChange(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t.getClass().getName().endsWith("StaleObjectStateException")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")
                    && !NOT_NULL_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The broker refused or lost the connection a request's transaction needed: its messages and its
     * rows are rolled back together, so the request changed nothing and can be sent again. The broker
     * is the transactions' only XA resource (the datasources are not XA), so a failed XA prepare is its.
     */
    static boolean brokerUnreachable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.jms.JMSException || t instanceof jakarta.jms.JMSRuntimeException
                    || t instanceof javax.transaction.xa.XAException) {
                return true;
            }
        }
        return false;
    }

    /** The client stopped sending its body, or sent it too slowly: its bad request, not our failure. */
    static boolean unreadableBody(Throwable cause) {
        return cause instanceof jakarta.ws.rs.ProcessingException && cause.getCause() instanceof java.io.IOException;
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof EJBException || current instanceof PersistenceException
                || current instanceof jakarta.transaction.RollbackException
                || current.getClass().getName().endsWith("TransactionRolledbackLocalException"))
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    public static Response error(int status, String code, String message, Map<String, Object> details) {
        JsonObject body = body(code, message, details);
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body.toString());
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }

    /** The contract's error body, {"code","message","details"}. */
    public static JsonObject body(String code, String message, Map<String, Object> details) {
        JsonObjectBuilder detailJson = Jsons.createObjectBuilder();
        details.forEach((key, value) -> detailJson.add(key, String.valueOf(value)));
        return Jsons.createObjectBuilder()
                .add("code", code)
                .add("message", message == null ? code : message)
                .add("details", detailJson)
                .build();
    }
}
