package org.ratatosk.approvals.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.EnumSet;
import org.ratatosk.platform.Guards;
import org.ratatosk.platform.Role;

/**
 * Guards {@link ApproverCall}: a credential without the APPROVER role is a 403 and a wrong one a
 * 401; a request with none goes on to prove itself by the approver's signature.
 */
@Provider
@ApproverCall
@Priority(Priorities.AUTHENTICATION)
public class ApproverCallFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest servletRequest;

    @Inject
    Guards guards;

    @Override
    public void filter(ContainerRequestContext request) {
        guards.admits(request, servletRequest.getRemoteAddr(), EnumSet.of(Role.APPROVER));
    }
}
