package org.ratatosk.platform;

import jakarta.ejb.EJBException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become HTTP answers in the contract's error shape: the domain's
 * exceptions by their {@link ErrorCode}, the container's by their status, anything else as an
 * incident. Resources marked {@link TsbErrors} answer TSB's {@code errorCode} and {@code reason} too,
 * and so does any other error under {@code /v1}, where no resource matched (404, 405, 415, 413).
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());
    /** A missing value is our bug, not a race. */
    private static final String NOT_NULL_VIOLATION = "23502";
    /** TSB's reasons where they are not the contract code's. */
    private static final Map<Integer, String> TSB_REASONS = Map.of(701, "res.error.in.hsm");

    /** The TSB wire's root, relative to the REST application. */
    static final String TSB_ROOT = "v1";

    @Context
    ResourceInfo resource;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable thrown) {
        Answer answer = answer(thrown, tsbWire());
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(answer.body());
        answer.headers().forEach(response::header);
        return response.build();
    }

    /** An error answer: its status, its headers and its JSON body. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    /** What the thrown exception is answered with, in TSB's shape when {@code tsb}. */
    static Answer answer(Throwable thrown, boolean tsb) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof DomainException refused) {
            return domain(refused, tsb);
        }
        if (cause instanceof JsonParsingException || cause instanceof jakarta.json.JsonException) {
            return answer(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON", tsb);
        }
        if (cause instanceof HsmUnavailableException) {
            return answer(ErrorCode.HSM_UNAVAILABLE, "The HSM cannot be reached; try again later", tsb);
        }
        if (brokerUnreachable(thrown)) {
            Answer refused = answer(ErrorCode.MESSAGING_UNAVAILABLE,
                    "The message broker cannot be reached; nothing was accepted, try again later", tsb);
            return withHeader(refused, "Retry-After", "5");
        }
        if (concurrentChange(thrown)) {
            return answer(ErrorCode.CONCURRENT_CHANGE,
                    "Another request changed the same resource at the same time; read it and try again", tsb);
        }
        if (unreadableBody(cause)) {
            LOG.fine("Request body not readable: " + cause.getCause());
            return answer(ErrorCode.BODY_UNREADABLE, "The request body could not be read to its end", tsb);
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            Map.Entry<String, String> described = ContainerErrors.describe(status);
            return answer(status, described.getKey(), tsbNumber(described.getKey(), status), described.getValue(),
                    Map.of(), tsb);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, cause);
        ErrorCode internal = ErrorCode.INTERNAL_ERROR;
        return answer(internal.status(), internal.name(), internal.status(),
                "Unexpected server error; incident " + incident, Map.of("incident", incident), tsb);
    }

    private static Answer domain(DomainException refused, boolean tsb) {
        ErrorCode code = refused.code();
        int status = refused instanceof RefusedAnswer ? 422 : code.status();
        Answer answer = answer(status, code.name(), tsbNumber(code, status), refused.getMessage(), refused.details(), tsb);
        if (refused instanceof Unauthenticated unauthenticated && unauthenticated.scheme() != null) {
            answer = withHeader(answer, "WWW-Authenticate", unauthenticated.scheme());
        }
        if (refused instanceof Refused later && later.retryAfter() != null) {
            answer = withHeader(answer, "Retry-After", String.valueOf(later.retryAfter().toSeconds()));
        }
        return answer;
    }

    private static Answer answer(ErrorCode code, String message, boolean tsb) {
        return answer(code.status(), code.name(), tsbNumber(code, code.status()), message, Map.of(), tsb);
    }

    private static Answer answer(int status, String code, int tsbNumber, String message, Map<String, Object> details,
            boolean tsb) {
        JsonObject body = tsb ? tsbBody(code, message, details, tsbNumber) : body(code, message, details);
        Map<String, String> headers = new LinkedHashMap<>();
        if (status == 401) {
            headers.put("WWW-Authenticate", "Bearer");
        }
        return new Answer(status, Map.copyOf(headers), body.toString());
    }

    /** The contract's error body with TSB's {@code errorCode} and {@code reason} after it. */
    static JsonObject tsbBody(String code, String message, Map<String, Object> details, int tsbNumber) {
        return Jsons.createObjectBuilder(body(code, message, details))
                .add("errorCode", tsbNumber)
                .add("reason", TSB_REASONS.getOrDefault(tsbNumber,
                        "res.error." + code.toLowerCase(Locale.ROOT).replace('_', '.')))
                .build();
    }

    /** TSB's number for a contract code: its own, or else the HTTP status. */
    static int tsbNumber(String code, int status) {
        for (ErrorCode known : ErrorCode.values()) {
            if (known.name().equals(code)) {
                return tsbNumber(known, status);
            }
        }
        return status;
    }

    private static int tsbNumber(ErrorCode code, int status) {
        return code.tsbNumber() != 0 ? code.tsbNumber() : status;
    }

    private static Answer withHeader(Answer answer, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put(name, value);
        return new Answer(answer.status(), Map.copyOf(headers), answer.body());
    }

    /** Whether the request is on Securosys TSB's wire: a resource marked so, or any path under its root. */
    private boolean tsbWire() {
        return tsbResource() || tsbPath(requestPath());
    }

    private boolean tsbResource() {
        Method method;
        Class<?> type;
        try {
            method = resource == null ? null : resource.getResourceMethod();
            type = method == null ? null : resource.getResourceClass();
        } catch (RuntimeException noResourceMatched) {
            return false;
        }
        return method != null && (method.isAnnotationPresent(TsbErrors.class)
                || type != null && type.isAnnotationPresent(TsbErrors.class));
    }

    private String requestPath() {
        try {
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    /** Whether a path relative to the REST application is under TSB's root ({@code v1}, {@code /v1/key}). */
    static boolean tsbPath(String path) {
        if (path == null) {
            return false;
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals(TSB_ROOT) || relative.startsWith(TSB_ROOT + "/");
    }

    /**
     * A lost race with another request: an optimistic lock conflict, or a unique key (SQL state
     * class 23) that another transaction took first. Looked for along the whole cause chain, since
     * Hibernate and EclipseLink wrap the driver's exception differently.
     */
    public static boolean concurrentChange(Throwable thrown) {
        return Causes.any(thrown, t -> t instanceof OptimisticLockException
                || t.getClass().getName().endsWith("StaleObjectStateException")
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")
                        && !NOT_NULL_VIOLATION.equals(sql.getSQLState()));
    }

    /**
     * The broker refused or lost the connection a request's transaction needed: its messages and its
     * rows are rolled back together, so the request changed nothing and can be sent again. The broker
     * is the transactions' only XA resource (the datasources are not XA), so a failed XA prepare is its.
     */
    static boolean brokerUnreachable(Throwable thrown) {
        return Causes.any(thrown, t -> t instanceof jakarta.jms.JMSException || t instanceof jakarta.jms.JMSRuntimeException
                || t instanceof javax.transaction.xa.XAException);
    }

    /** The client stopped sending its body, or sent it too slowly: its bad request, not our failure. */
    static boolean unreadableBody(Throwable cause) {
        return cause instanceof jakarta.ws.rs.ProcessingException && cause.getCause() instanceof java.io.IOException;
    }

    /** The exception inside the container's wrappers (EJBException, a rolled back transaction and the like). */
    public static Throwable unwrap(Throwable thrown) {
        return Causes.find(thrown, t -> !wrapper(t) || t.getCause() == null || t.getCause() == t).orElse(thrown);
    }

    private static boolean wrapper(Throwable t) {
        return t instanceof EJBException || t instanceof PersistenceException
                || t instanceof jakarta.transaction.RollbackException
                || t.getClass().getName().endsWith("TransactionRolledbackLocalException");
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
