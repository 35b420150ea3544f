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
import java.util.stream.Stream;
import org.ratatosk.approvals.control.Approvals;
import org.ratatosk.platform.ConcurrentChanges;
import org.ratatosk.platform.Guards;
import org.ratatosk.platform.Role;

/**
 * Guards {@link ReadableByApprovers}: the operator or an API key with role SERVICE, APPROVER,
 * KEY_OPERATION or KEY_MANAGEMENT (the roles whose calls make requests), else the signed
 * timestamp of one of the request's approvers, sent in headers.
 */
@Provider
@ReadableByApprovers
@Priority(Priorities.AUTHENTICATION)
public class ApproverReaderFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest servletRequest;

    @Inject
    Guards guards;

    @Inject
    Approvals approvals;

    @Override
    public void filter(ContainerRequestContext request) {
        if (guards.admits(request, servletRequest.getRemoteAddr(), EnumSet.of(Role.SERVICE, Role.APPROVER, Role.KEY_OPERATION, Role.KEY_MANAGEMENT))) {
            return;
        }
        String key = request.getHeaderString(ReadableByApprovers.PUBLIC_KEY);
        String timestamp = request.getHeaderString(ReadableByApprovers.TIMESTAMP);
        String signature = request.getHeaderString(ReadableByApprovers.SIGNATURE);
        if (Stream.of(key, timestamp, signature).anyMatch(h -> h == null || h.isBlank())) {
            throw Guards.refusal(request, "Operator credentials (HTTP Basic), an API key with role SERVICE or APPROVER, or "
                    + ReadableByApprovers.PUBLIC_KEY + ", " + ReadableByApprovers.TIMESTAMP + " and "
                    + ReadableByApprovers.SIGNATURE + " of one of the request's approvers required");
        }
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        if (id == null) {
            throw new IllegalStateException("ReadableByApprovers is bound to an operation without {id}");
        }
        ConcurrentChanges.retryOnce(() -> {
            approvals.authenticateReader(id, key, timestamp, signature);
            return null;
        });
    }
}
