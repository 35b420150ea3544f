package org.ratatosk.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses, before the router matches the request, what the router itself would fail on with an
 * exception of its own: a percent escape that is not one, escapes that are not UTF-8 or that
 * decode to a NUL character, in the path or query, and a character a URI path cannot hold, such
 * as {@code [}, which the listener lets through and the router's {@link java.net.URI} refuses (400
 * {@code INVALID_URL}); and an {@code Accept} or {@code Content-Type} that cannot be read, such as
 * {@code q=abc} (400 {@code INVALID_HEADER}).
 */
@Provider
@PreMatching
public class RequestSyntax implements ContainerRequestFilter {

    private static final Pattern ESCAPES = Pattern.compile("(%[0-9A-Fa-f]{2})+");
    private static final Pattern STRAY_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!validEscapes(servletRequest.getRequestURI()) || !validEscapes(servletRequest.getQueryString())) {
            throw new InvalidInput(ErrorCode.INVALID_URL, "The request URL has a malformed percent escape or an escaped NUL character");
        }
        if (!uriPath(servletRequest.getRequestURI())) {
            throw new InvalidInput(ErrorCode.INVALID_URL, "The request path has a character a URI path cannot hold unescaped");
        }
        List<String> accepts = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accepts != null) {
            for (String accept : accepts) {
                for (String range : accept.split(",")) {
                    if (!range.isBlank() && !readable(range.trim())) {
                        throw new InvalidInput(ErrorCode.INVALID_HEADER, "The Accept header cannot be read");
                    }
                }
            }
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.isBlank() && !readable(contentType.trim())) {
            throw new InvalidInput(ErrorCode.INVALID_HEADER, "The Content-Type header cannot be read");
        }
    }

    /** Every {@code %} starts an escape, and each run of escapes decodes to UTF-8. */
    static boolean validEscapes(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        if (STRAY_PERCENT.matcher(raw).find()) {
            return false;
        }
        Matcher run = ESCAPES.matcher(raw);
        while (run.find()) {
            String escapes = run.group();
            byte[] bytes = new byte[escapes.length() / 3];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(escapes.substring(3 * i + 1, 3 * i + 3), 16);
            }
            if (Utf8Bodies.decode(bytes).isEmpty() || containsNul(bytes)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the raw path is one {@link java.net.URI} accepts, as the router builds one of it. */
    static boolean uriPath(String raw) {
        if (raw == null) {
            return true;
        }
        try {
            new java.net.URI("http://host" + (raw.startsWith("/") ? raw : "/" + raw));
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** {@code %00}: no path segment or parameter the server stores may hold a NUL character. */
    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    static boolean readable(String value) {
        MediaType type;
        try {
            type = MediaType.valueOf(value);
        } catch (RuntimeException e) {
            return false;
        }
        String q = type.getParameters().get("q");
        if (q == null) {
            return true;
        }
        try {
            float weight = Float.parseFloat(q.trim());
            return weight >= 0 && weight <= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
