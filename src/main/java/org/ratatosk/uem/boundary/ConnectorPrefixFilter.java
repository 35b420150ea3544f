package org.ratatosk.uem.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.ratatosk.uem.control.ConnectorPaths;
import org.ratatosk.uem.control.UemSettings;

/**
 * Serves the connector under the prefix a deployment configured (UEM's "customer specified
 * prefix") by forwarding {@code <prefix>/pki} to the resource; authentication happens there.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ConnectorPrefixFilter extends HttpFilter {

    @Inject
    UemSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String pathInWar = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> target = ConnectorPaths.forwardTarget(pathInWar, settings.prefix(), request.getContextPath());
        if (target.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        request.getRequestDispatcher(target.get() + (query == null ? "" : "?" + query)).forward(request, response);
    }
}
