package org.ratatosk.keys.tsb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import java.util.Set;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Role;
import org.ratatosk.platform.RoleCredentials;
import org.ratatosk.platform.Unauthenticated;

/**
 * TSB API keys in the {@code X-API-KEY} header. A token nobody holds is refused with TSB's
 * errorCode 631, which tells a TSB client to try its next key of the same role.
 */
@ApplicationScoped
public class ApiKeyCredentials implements RoleCredentials {

    static final String HEADER = "X-API-KEY";

    @Inject
    TsbApiKeys keys;

    @Override
    public Optional<Set<Role>> roles(ContainerRequestContext request) {
        String token = request.getHeaderString(HEADER);
        if (token == null) {
            return Optional.empty();
        }
        Optional<Set<Role>> roles = token.isBlank() || token.length() > 256 ? Optional.empty() : keys.rolesOf(token.trim());
        if (roles.isEmpty()) {
            throw new Unauthenticated(ErrorCode.INVALID_API_KEY, "The API key in " + HEADER + " is not valid")
                    .withScheme("ApiKey");
        }
        return roles;
    }
}
