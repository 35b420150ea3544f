package org.ratatosk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call a guarded operation: the operator with HTTP Basic or a console session cookie
 * always (the cookie with the session's CSRF token on anything but GET and HEAD); otherwise a
 * credential of a {@link RoleCredentials} kind whose roles meet the operation's.
 */
@ApplicationScoped
public class Guards {

    @Inject
    OperatorCredentials operator;

    @Inject
    OperatorSessions sessions;

    @Inject
    @Any
    Instance<RoleCredentials> credentials;

    /**
     * True when the request passes; false when it carries no credential at all, so the caller
     * may accept another proof. A wrong credential is a 401, one without the roles a 403.
     */
    public boolean admits(ContainerRequestContext request, String address, Set<Role> roles) {
        String authorization = request.getHeaderString("Authorization");
        if (OperatorCredentials.presented(authorization)) {
            operator.verify(authorization, address);
            return true;
        }
        String token = cookie(request);
        if (token != null && sessions.admits(token, request.getMethod(), request.getHeaderString(OperatorSessions.CSRF_HEADER))) {
            return true;
        }
        boolean presented = false;
        for (Instance.Handle<RoleCredentials> kind : credentials.handles()) {
            Optional<Set<Role>> held = roles(kind, request);
            if (held.isPresent()) {
                if (!Collections.disjoint(held.get(), roles)) {
                    return true;
                }
                presented = true;
            }
        }
        if (presented) {
            throw new Refused(ErrorCode.FORBIDDEN, "The credential's roles do not allow this operation");
        }
        return false;
    }

    /**
     * The 401 for a request no credential admitted: with a Basic challenge, except for a browser
     * that came with a console cookie, whose page signs in again rather than get a login dialog.
     */
    public static Unauthenticated refusal(ContainerRequestContext request, String message) {
        if (cookie(request) != null) {
            return OperatorCredentials.signInAgain("The console session has ended; sign in again");
        }
        return OperatorCredentials.refused(message);
    }

    /** The console cookie's value, read from the header itself: its value is base64url, never quoted. */
    static String cookie(ContainerRequestContext request) {
        String header = request.getHeaderString("Cookie");
        if (header == null) {
            return null;
        }
        for (String pair : header.split("[;,]")) {
            String trimmed = pair.trim();
            if (trimmed.startsWith(OperatorSessions.COOKIE + "=")) {
                String value = trimmed.substring(OperatorSessions.COOKIE.length() + 1);
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** A dependent bean is destroyed after use, or this application-scoped guard would keep every one. */
    private static Optional<Set<Role>> roles(Instance.Handle<RoleCredentials> kind, ContainerRequestContext request) {
        try {
            return kind.get().roles(request);
        } finally {
            if (Dependent.class.equals(kind.getBean().getScope())) {
                kind.destroy();
            }
        }
    }
}
