package org.ratatosk.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The application server's JDBC connection pools as gauges, read through JMX when scraped. Java EE
 * has no portable view of a container's pool, so this binder knows WildFly's data sources (with
 * {@code statistics-enabled=true}, as the server scripts set it); on a server without them it binds
 * nothing. The names follow Micrometer's own {@code jdbc.connections.*} pool meters.
 */
class ConnectionPoolMetrics implements MeterBinder {

    private static final Logger LOG = Logger.getLogger(ConnectionPoolMetrics.class.getName());
    private static final String[] POOLS = {
        "jboss.as:subsystem=datasources,data-source=*,statistics=pool",
        "jboss.as:subsystem=datasources,xa-data-source=*,statistics=pool",
    };

    private final MBeanServer server;

    ConnectionPoolMetrics() {
        this(ManagementFactory.getPlatformMBeanServer());
    }

    ConnectionPoolMetrics(MBeanServer server) {
        this.server = server;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String pattern : POOLS) {
            for (ObjectName pool : pools(pattern)) {
                String name = pool.getKeyProperty(pool.getKeyProperty("data-source") != null ? "data-source" : "xa-data-source");
                gauge(registry, pool, name, "jdbc.connections.active", "InUseCount", "Connections in use.");
                gauge(registry, pool, name, "jdbc.connections.idle", "IdleCount", "Open connections not in use.");
                gauge(registry, pool, name, "jdbc.connections.max.used", "MaxUsedCount", "Most connections in use at once.");
                gauge(registry, pool, name, "jdbc.connections.waiting", "WaitCount", "Requests that had to wait for a connection.");
            }
        }
    }

    private Set<ObjectName> pools(String pattern) {
        try {
            return server.queryNames(new ObjectName(pattern), null);
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.FINE, "No connection pools under " + pattern, e);
            return Set.of();
        }
    }

    private void gauge(MeterRegistry registry, ObjectName pool, String name, String meter, String attribute, String help) {
        Gauge.builder(meter, () -> read(pool, attribute)).description(help).tag("name", name).register(registry);
    }

    private double read(ObjectName pool, String attribute) {
        for (String spelling : new String[] {attribute, Character.toLowerCase(attribute.charAt(0)) + attribute.substring(1)}) {
            try {
                return ((Number) server.getAttribute(pool, spelling)).doubleValue();
            } catch (JMException | RuntimeException e) {
                LOG.log(Level.FINEST, "Cannot read " + spelling + " of " + pool, e);
            }
        }
        return Double.NaN;
    }
}
