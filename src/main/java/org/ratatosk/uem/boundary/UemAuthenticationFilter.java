package org.ratatosk.uem.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.logging.Logger;
import org.ratatosk.platform.Unauthenticated;
import org.ratatosk.uem.control.ConnectorAuthentication;
import org.ratatosk.uem.control.UemSettings;

/** Lets only the configured UEM through to the connector: 401 otherwise, before any body is read. */
@Provider
@UemConnector
@Priority(Priorities.AUTHENTICATION)
public class UemAuthenticationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(UemAuthenticationFilter.class.getName());
    static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    @Context
    HttpServletRequest servletRequest;

    @Inject
    UemSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        ConnectorAuthentication.Settings configured = settings.authentication();
        X509Certificate[] chain = servletRequest.getAttribute(CERTIFICATES) instanceof X509Certificate[] c ? c : null;
        ConnectorAuthentication.refusal(configured, request.getHeaderString("Authorization"), chain, new Date())
                .ifPresent(reason -> {
                    LOG.info("UEM connector request from " + servletRequest.getRemoteAddr() + " refused: " + reason);
                    Unauthenticated refused = new Unauthenticated(reason);
                    throw ConnectorAuthentication.BASIC.equalsIgnoreCase(configured.mode())
                            ? refused.withScheme(ConnectorAuthentication.BASIC_CHALLENGE) : refused;
                });
    }
}
