package org.ratatosk.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Guards what is declared {@link Guarded}, after JAX-RS has chosen the resource method, so the
 * guard and the router always agree on what a request reaches, whatever its path looks like.
 */
@Provider
@Guarded
@Priority(Priorities.AUTHENTICATION)
public class GuardFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    Guards guards;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!guards.admits(request, servletRequest.getRemoteAddr(), roles(resource.getResourceMethod(), resource.getResourceClass()))) {
            throw Guards.refusal(request, "Operator credentials (HTTP Basic) or an API key with a role of this operation required");
        }
    }

    /** The roles of the method's {@code @Guarded}, or else of its class's. */
    static Set<Role> roles(Method method, Class<?> type) {
        Guarded guarded = method.getAnnotation(Guarded.class);
        for (Class<?> c = type; guarded == null && c != null; c = c.getSuperclass()) {
            guarded = c.getAnnotation(Guarded.class);
        }
        if (guarded == null) {
            guarded = method.getDeclaringClass().getAnnotation(Guarded.class);
        }
        if (guarded == null) {
            throw new IllegalStateException("GuardFilter bound to " + method + " without @Guarded");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(List.of(guarded.value()));
        return roles;
    }
}
