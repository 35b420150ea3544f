package org.ratatosk.platform;

/**
 * Browser sessions that admit their holder as the operator, named by a cookie: the console's. The
 * guards ask through this interface and the console implements it, so the platform does not depend
 * on the console.
 */
public interface OperatorSessions {

    /** The cookie that carries a session's token. */
    String COOKIE = "HERMOD_CONSOLE";

    /** The header that repeats the session's CSRF token on a change. */
    String CSRF_HEADER = "X-CSRF-Token";

    /**
     * True when {@code token} names a live session, false when it names none. On a method other
     * than GET and HEAD the session's CSRF token must be {@code csrfToken}: a {@link DomainException}
     * with {@link ErrorCode#CSRF_TOKEN_INVALID} otherwise.
     */
    boolean admits(String token, String method, String csrfToken);
}
