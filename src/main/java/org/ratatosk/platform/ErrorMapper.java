package org.ratatosk.platform;

import jakarta.ejb.EJBException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one place where exceptions become HTTP answers in the contract's error shape. */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

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
            return error(503, "HSM_UNAVAILABLE", cause.getMessage(), Map.of());
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return error(status, codeFor(status), messageFor(status), Map.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, cause);
        return error(500, "INTERNAL_ERROR", "Unexpected server error; incident " + incident,
                Map.of("incident", incident));
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
        JsonObjectBuilder detailJson = Jsons.createObjectBuilder();
        details.forEach((key, value) -> detailJson.add(key, String.valueOf(value)));
        var body = Jsons.createObjectBuilder()
                .add("code", code)
                .add("message", message == null ? code : message)
                .add("details", detailJson)
                .build();
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body.toString());
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type; send application/json";
            default -> "Request refused";
        };
    }
}
