package org.ratatosk.uem.control;

import java.util.Optional;

/** Maps the configured {@code <prefix>/pki} onto the connector's resource inside the WAR. */
public final class ConnectorPaths {

    /** Where the JAX-RS resource answers, relative to the context root. */
    public static final String RESOURCE_PATH = "/rest/uem/pki";

    private ConnectorPaths() {
    }

    /**
     * The path inside the WAR to forward to, when {@code pathInWar} (request URI without the
     * context root) is the configured connector path and the resource does not already answer there.
     */
    public static Optional<String> forwardTarget(String pathInWar, String configuredPrefix, String contextPath) {
        String connectorPath = withinWar(configuredPrefix, contextPath) + "/pki";
        if (connectorPath.equals(RESOURCE_PATH) || !connectorPath.equals(pathInWar)) {
            return Optional.empty();
        }
        return Optional.of(RESOURCE_PATH);
    }

    /** The prefix without the context root and without a trailing slash ("" for the root). */
    static String withinWar(String configuredPrefix, String contextPath) {
        String prefix = configuredPrefix == null ? "" : configuredPrefix.trim();
        if (!prefix.startsWith("/")) {
            prefix = "/" + prefix;
        }
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        String context = contextPath == null ? "" : contextPath;
        if (!context.isEmpty() && (prefix.equals(context) || prefix.startsWith(context + "/"))) {
            prefix = prefix.substring(context.length());
        }
        return prefix;
    }
}
