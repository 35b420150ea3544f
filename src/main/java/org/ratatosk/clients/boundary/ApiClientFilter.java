package org.ratatosk.clients.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.ratatosk.clients.control.ApiClients;
import org.ratatosk.platform.LoginThrottle;
import org.ratatosk.platform.Unauthenticated;

/**
 * Authenticates the API client of every {@link ApiClientKey} operation before the resource runs;
 * wrong keys count towards a lockout of the client id from the caller's address.
 */
@Provider
@ApiClientKey
@Priority(Priorities.AUTHENTICATION)
public class ApiClientFilter implements ContainerRequestFilter {

    private static final String PREFIX = "client:";
    /** The messaging API's own scheme: a bearer challenge would send clients looking for a token. */
    static final String CHALLENGE = "X-Api-Key realm=\"hermod\"";

    @Context
    HttpServletRequest servletRequest;

    @Inject
    ApiClients clients;

    @Inject
    LoginThrottle throttle;

    @Inject
    CallingClient calling;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(ApiClientKey.HEADER);
        String address = servletRequest.getRemoteAddr();
        String principal = PREFIX + ApiClients.clientIdOf(header).orElse("");
        throttle.check(address, principal);
        try {
            calling.authenticated(clients.authenticate(header));
        } catch (Unauthenticated refused) {
            if (header != null && !header.isBlank()) {
                throttle.failed(address, principal);
            }
            throw refused.withScheme(CHALLENGE);
        }
        throttle.succeeded(address, principal);
    }
}
