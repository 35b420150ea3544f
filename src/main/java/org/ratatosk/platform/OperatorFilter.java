package org.ratatosk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * HTTP Basic with the operator credentials of the configuration, for the operator API and the
 * key API. The embedded default credentials are for development only, and say so in the log.
 */
@Provider
public class OperatorFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(OperatorFilter.class.getName());
    static final List<String> GUARDED = List.of("admin/", "v1/key", "v1/certificate");
    /** Paths guarded only for changes: anyone holding a request's id may read it, only the operator cancels it. */
    private static final List<String> GUARDED_CHANGES = List.of("v1/request");

    @Inject
    Config config;

    @Inject
    Instance<RoleCredentials> credentials;

    @Context
    ResourceInfo resource;

    private byte[] expected;

    @PostConstruct
    void init() {
        String user = config.get("hermod.admin.user", null);
        String password = config.get("hermod.admin.password", null);
        if (user == null || password == null) {
            LOG.warning("No HERMOD_ADMIN_USER/HERMOD_ADMIN_PASSWORD configured: operator API uses admin/admin, for development only");
            user = "admin";
            password = "admin";
        }
        expected = Hashes.sha256((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        boolean change = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        Guarded guard = guardOf(resource);
        String header = request.getHeaderString("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        if (relative.startsWith("v1/") && guard != null && !basic) {
            requireRole(request, guard);
            return;
        }
        if (guard == null && GUARDED.stream().noneMatch(relative::startsWith)
                && (!change || GUARDED_CHANGES.stream().noneMatch(relative::startsWith))) {
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new ApiException(401, "UNAUTHORIZED", "Operator credentials required (HTTP Basic)");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            throw new ApiException(401, "UNAUTHORIZED", "Malformed Basic credentials");
        }
        if (!MessageDigest.isEqual(expected, Hashes.sha256(presented))) {
            throw new ApiException(401, "UNAUTHORIZED", "Wrong operator credentials");
        }
    }

    /** A /v1 call without operator Basic: some other credential must hold one of the method's roles. */
    private void requireRole(ContainerRequestContext request, Guarded guard) {
        Set<Role> allowed = guard.value().length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(guard.value()[0], guard.value());
        boolean presented = false;
        for (RoleCredentials kind : credentials) {
            Optional<Set<Role>> held = kind.roles(request);
            if (held.isPresent()) {
                presented = true;
                if (held.get().stream().anyMatch(allowed::contains)) {
                    return;
                }
            }
        }
        if (!presented) {
            throw new ApiException(401, "UNAUTHORIZED", "Credentials required: operator Basic or an API key in X-API-KEY");
        }
        throw new ApiException(403, "ROLE_NOT_ALLOWED", "This operation needs one of the roles " + allowed);
    }

    private static Guarded guardOf(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Guarded guard = method.getAnnotation(Guarded.class);
        return guard != null ? guard : resource.getResourceClass().getAnnotation(Guarded.class);
    }
}
