package org.ratatosk.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of credential besides the operator's that may call {@link Guarded} operations. The guard
 * consults every CDI bean implementing it when a request carries no operator credentials.
 */
public interface RoleCredentials {
    /** The roles this request's credential holds, or empty when the request carries no credential of this kind; throws DomainException 401 when it carries one that is wrong. */
    Optional<Set<Role>> roles(ContainerRequestContext request);
}
