package org.ratatosk.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ApplicationPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The error page of the web application (web.xml): errors that the servlet container answers
 * itself (a path outside the REST application, a method its default servlet refuses, a body over
 * its limit) get the contract's JSON error body instead of the container's HTML, with TSB's
 * {@code errorCode} and {@code reason} under the TSB wire's root, as {@link ErrorMapper} answers there.
 */
@WebServlet(urlPatterns = ContainerErrors.PATH)
public class ContainerErrors extends HttpServlet {

    static final String PATH = "/container-error";
    private static final String REST_ROOT = "/" + RestApplication.class.getAnnotation(ApplicationPath.class).value() + "/";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        if (status < 400) {
            status = 500;
        }
        if (status == 501) {
            // the default servlet's answer to a method it does not know (PATCH, FOO): the client's mistake
            status = 405;
        }
        Map.Entry<String, String> error = describe(status);
        response.reset();
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"hermod\"");
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        String body = body(status, error, tsbPath(request.getContextPath(), path));
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String body(int status, Map.Entry<String, String> error, boolean tsb) {
        return (tsb ? ErrorMapper.tsbBody(error.getKey(), error.getValue(), Map.of(),
                ErrorMapper.tsbNumber(error.getKey(), status))
                : ErrorMapper.body(error.getKey(), error.getValue(), Map.of())).toString();
    }

    /** Whether the request URI (with the context path) is under the REST application's TSB root. */
    static boolean tsbPath(String contextPath, String requestUri) {
        if (requestUri == null) {
            return false;
        }
        String inApplication = contextPath != null && requestUri.startsWith(contextPath)
                ? requestUri.substring(contextPath.length()) : requestUri;
        return inApplication.startsWith(REST_ROOT) && ErrorMapper.tsbPath(inApplication.substring(REST_ROOT.length()));
    }

    private static Map.Entry<String, String> entry(ErrorCode code, String message) {
        return Map.entry(code.name(), message);
    }

    static Map.Entry<String, String> describe(int status) {
        return switch (status) {
            case 400 -> entry(ErrorCode.BAD_REQUEST, "The request cannot be read (malformed URL, header or encoding)");
            case 401 -> entry(ErrorCode.UNAUTHORIZED, "Authentication required");
            case 403 -> entry(ErrorCode.FORBIDDEN, "Not allowed");
            case 404 -> entry(ErrorCode.NOT_FOUND, "No such resource");
            case 405 -> entry(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed on this resource");
            case 406 -> entry(ErrorCode.NOT_ACCEPTABLE, "No acceptable representation; ask for application/json");
            case 408 -> entry(ErrorCode.REQUEST_TIMEOUT, "The request took too long to arrive");
            case 413 -> entry(ErrorCode.PAYLOAD_TOO_LARGE, "Request body exceeds " + BodyLimitFilter.MAX_BODY_BYTES + " bytes");
            case 414 -> entry(ErrorCode.URI_TOO_LONG, "The request URL is too long");
            case 415 -> entry(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type; send application/json");
            case 431 -> entry(ErrorCode.HEADERS_TOO_LARGE, "The request headers are too large");
            case 503 -> entry(ErrorCode.UNAVAILABLE, "The service is not available; try again later");
            // a status the container answers that has no code of its own keeps its number
            default -> status < 500 ? Map.entry("HTTP_" + status, "Request refused")
                    : entry(ErrorCode.INTERNAL_ERROR, "Unexpected server error");
        };
    }
}
