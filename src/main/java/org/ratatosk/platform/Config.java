package org.ratatosk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Deployment settings. Each is read from the system property {@code hermod.x.y}, then from the
 * environment variable {@code HERMOD_X_Y}, then falls back to the documented default.
 */
@ApplicationScoped
public class Config {

    private volatile String nodeName;

    public String get(String key, String defaultValue) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(envName(key));
        }
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    public long getLong(String key, long defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Long.parseLong(value);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Base URL that devices and application servers reach, without a trailing slash. */
    public String publicUrl() {
        String url = get("hermod.public-url", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String fqdn() {
        return get("hermod.fqdn", URI.create(publicUrl()).getHost());
    }

    public String uriScheme() {
        return get("hermod.uri-scheme", "com.nexusgroup.plugout");
    }

    public long maxLifespanSeconds() {
        return getLong("hermod.max-lifespan", 86400);
    }

    public long maxTimeoutSeconds() {
        return getLong("hermod.max-timeout", 86400);
    }

    public Path dataDir() {
        return Path.of(get("hermod.data.dir", System.getProperty("jboss.server.data.dir", "data") + "/hermod"));
    }

    public String mailboxUrl(String bid) {
        return publicUrl() + "/hermod/rest/ms/" + bid;
    }

    /**
     * This node's name in what it records: WildFly's {@code jboss.node.name} (a cluster's nodes set
     * it), else the host name, looked up once.
     */
    public String nodeName() {
        String name = nodeName;
        if (name == null) {
            name = System.getProperty("jboss.node.name");
            if (name == null || name.isBlank()) {
                try {
                    name = InetAddress.getLocalHost().getHostName();
                } catch (UnknownHostException e) {
                    name = "unknown";
                }
            }
            nodeName = name;
        }
        return name;
    }
}
