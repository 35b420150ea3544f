package org.ratatosk.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of credential besides the operator's that a request may carry, and the roles it holds.
 * The guard of {@link Guarded} resources asks every bean implementing this.
 */
public interface RoleCredentials {
    /** The roles this request's credential holds, or empty when the request carries no credential of this kind; throws ApiException 401 when it carries one that is wrong. */
    Optional<Set<Role>> roles(ContainerRequestContext request);
}
