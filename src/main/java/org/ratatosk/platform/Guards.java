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
 * Who may call a guarded operation: the operator with HTTP Basic always; otherwise a credential
 * of a {@link RoleCredentials} kind whose roles meet the operation's.
 */
@ApplicationScoped
public class Guards {

    @Inject
    OperatorCredentials operator;

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
            throw new ApiException(403, "FORBIDDEN", "The credential's roles do not allow this operation");
        }
        return false;
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
