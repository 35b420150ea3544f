package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ratatosk.approvals.boundary.ApproverCall;
import org.ratatosk.approvals.boundary.ReadableByApprovers;
import org.ratatosk.clients.boundary.ApiClientKey;
import org.ratatosk.uem.boundary.UemConnector;

/**
 * Every JAX-RS operation of the WAR declares its guard, or is on the list below of what is public
 * or proves itself in its own way. A new resource method without either fails here.
 */
class GuardCoverageTest {

    /** Operations without a guard annotation, and why that is right. */
    static final Set<String> PUBLIC = Set.of(
            "GET /health",                     // liveness for load balancers
            "GET /metrics",                    // Prometheus scrape, no secrets
            "GET /openapi.json",               // the API description
            "GET /ms/{bid}",                   // devices: box token (Bearer) checked by the mailbox
            "GET /ms/{bid}/{mid}",
            "POST /ms/{bid}/{mid}",
            "POST /admin/session",             // the console's sign-in: the operator's password in the body
            "GET /admin/session",              // the console's own session cookie, checked by the session
            "DELETE /admin/session");

    /** The guard annotations, each bound to a request filter. */
    static final List<Class<? extends Annotation>> GUARDS =
            List.of(Guarded.class, ApiClientKey.class, ReadableByApprovers.class, ApproverCall.class, UemConnector.class);

    @Test
    void everyOperationIsGuardedOrKnownToBePublic() throws IOException {
        List<OpenApi.Endpoint> endpoints = resourceClasses().stream().flatMap(c -> OpenApi.endpoints(c).stream()).toList();
        assertTrue(endpoints.size() >= 40, "found only " + endpoints.size() + " operations");
        Set<String> unguarded = new TreeSet<>();
        Set<String> guardedButListed = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (OpenApi.Endpoint endpoint : endpoints) {
            String operation = endpoint.method() + " " + endpoint.path();
            seen.add(operation);
            boolean guarded = GUARDS.stream().anyMatch(g -> endpoint.javaMethod().isAnnotationPresent(g)
                    || endpoint.resource().isAnnotationPresent(g));
            if (!guarded && !PUBLIC.contains(operation)) {
                unguarded.add(operation);
            }
            if (guarded && PUBLIC.contains(operation)) {
                guardedButListed.add(operation);
            }
        }
        assertEquals(Set.of(), unguarded, "operations without a guard");
        assertEquals(Set.of(), guardedButListed, "guarded operations still listed as public");
        assertTrue(seen.containsAll(PUBLIC), "the public list names operations that no longer exist: " + PUBLIC);
        assertTrue(seen.containsAll(List.of("PUT /admin/clients/{clientId}", "POST /v1/key", "POST /command/{type}",
                "GET /v1/request/{id}", "POST /admin/uem/users/{user}/otp")), seen.toString());
    }

    @Test
    void everyGuardAnnotationHasItsFilter() throws IOException {
        List<Class<?>> classes = classes();
        for (Class<? extends Annotation> guard : GUARDS) {
            assertTrue(guard.isAnnotationPresent(jakarta.ws.rs.NameBinding.class), guard + " is a name binding");
            assertTrue(classes.stream().anyMatch(c -> c.isAnnotationPresent(guard) && c.isAnnotationPresent(Provider.class)
                    && ContainerRequestFilter.class.isAssignableFrom(c)), "no request filter bound to " + guard);
        }
    }

    @Test
    void theOperatorApiAndTheKeyApiAreGuardedByTheOperatorGuard() throws IOException {
        for (OpenApi.Endpoint endpoint : resourceClasses().stream().flatMap(c -> OpenApi.endpoints(c).stream()).toList()) {
            boolean operatorGuard = endpoint.javaMethod().isAnnotationPresent(Guarded.class)
                    || endpoint.resource().isAnnotationPresent(Guarded.class)
                    || endpoint.javaMethod().isAnnotationPresent(ReadableByApprovers.class);
            String path = endpoint.path();
            boolean consoleSession = PUBLIC.contains(endpoint.method() + " " + path) && path.equals("/admin/session");
            if (path.startsWith("/admin/") && !consoleSession || path.startsWith("/v1/key") || path.startsWith("/v1/certificate")
                    || path.startsWith("/v1/request")) {
                assertTrue(operatorGuard, endpoint.method() + " " + path);
            }
            if (path.startsWith("/command")) {
                assertTrue(endpoint.resource().isAnnotationPresent(ApiClientKey.class), endpoint.method() + " " + path);
            }
        }
    }

    static List<Class<?>> resourceClasses() throws IOException {
        return classes().stream().filter(c -> c.isAnnotationPresent(Path.class)).toList();
    }

    /** The WAR's classes, as OpenApiDocument finds them under WEB-INF/classes. */
    static List<Class<?>> classes() throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of("target/classes");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                try {
                    classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                            GuardCoverageTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable without the server, so not a resource here either
                }
            }
        }
        return classes;
    }
}
