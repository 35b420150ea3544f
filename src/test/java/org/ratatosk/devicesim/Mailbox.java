package org.ratatosk.devicesim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mailbox as a device holds it: the url and the token that opens it. Both the temporary box of a
 * provisioning uri and the permanent box handed out in {@code provCommand.profile} end up here.
 */
public record Mailbox(String url, String token) {

    /**
     * Reads {@code <scheme>:///?url=<encoded>&token=<token>}. Lenient like the apps: any scheme, and the
     * older {@code <scheme>:///url=...} form without the question mark that seed 001 shows.
     */
    public static Mailbox fromUri(String uri) {
        return fromUri(uri, null);
    }

    /** As {@link #fromUri(String)}, but refuses a uri whose scheme is not {@code expectedScheme}. */
    public static Mailbox fromUri(String uri, String expectedScheme) {
        String text = uri.strip();
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("no scheme in " + uri);
        }
        String scheme = text.substring(0, colon);
        if (expectedScheme != null && !expectedScheme.equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("scheme " + scheme + " is not " + expectedScheme);
        }
        String rest = text.substring(colon + 1).replaceFirst("^/*", "");
        if (rest.startsWith("?")) {
            rest = rest.substring(1);
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rest.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.putIfAbsent(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String url = query.get("url");
        String token = query.get("token");
        if (url == null || url.isEmpty() || token == null || token.isEmpty()) {
            throw new IllegalArgumentException("uri lacks url or token: " + uri);
        }
        return new Mailbox(url, token);
    }

    /** The box id: the last path segment of the url. */
    public String bid() {
        String path = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
