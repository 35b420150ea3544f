package org.ratatosk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/**
 * HTTP Basic with the operator credentials of the configuration, for the operator API and the
 * key API. The embedded default credentials are for development only, and say so in the log.
 */
@Provider
public class OperatorFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(OperatorFilter.class.getName());
    private static final List<String> GUARDED = List.of("admin/", "v1/key", "v1/certificate");
    /** Paths guarded only for changes: anyone holding a request's id may read it, only the operator cancels it. */
    private static final List<String> GUARDED_CHANGES = List.of("v1/request");

    @Inject
    Config config;

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
        if (GUARDED.stream().noneMatch(relative::startsWith)
                && (!change || GUARDED_CHANGES.stream().noneMatch(relative::startsWith))) {
            return;
        }
        String header = request.getHeaderString("Authorization");
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
}
