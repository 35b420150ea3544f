package org.ratatosk.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The application server's JDBC connection pools as gauges, read through JMX when scraped. Java EE
 * has no portable view of a container's pool, so this binder knows WildFly's data sources (with
 * {@code statistics-enabled=true}, as the server scripts set it); on a server without them it binds
 * nothing. The names follow Micrometer's own {@code jdbc.connections.*} pool meters.
 * <p>
 * A read goes through WildFly's management model and costs far more than the rest of a scrape, so
 * a pool's attributes are read together, once per scrape: the first gauge of a scrape reads all
 * four, and the others take them from that read for {@value #FRESH_MILLIS} ms.
 */
class ConnectionPoolMetrics implements MeterBinder {

    private static final Logger LOG = Logger.getLogger(ConnectionPoolMetrics.class.getName());
    private static final String[] POOLS = {
        "jboss.as:subsystem=datasources,data-source=*,statistics=pool",
        "jboss.as:subsystem=datasources,xa-data-source=*,statistics=pool",
    };
    /** The meters and the attributes they show, in WildFly's spelling. */
    private static final String[][] GAUGES = {
        {"jdbc.connections.active", "InUseCount", "Connections in use."},
        {"jdbc.connections.idle", "IdleCount", "Open connections not in use."},
        {"jdbc.connections.max.used", "MaxUsedCount", "Most connections in use at once."},
        {"jdbc.connections.waiting", "WaitCount", "Requests that had to wait for a connection."},
    };
    static final long FRESH_MILLIS = 1000;

    private final MBeanServer server;
    private final LongSupplier millis;

    ConnectionPoolMetrics() {
        this(ManagementFactory.getPlatformMBeanServer(), System::currentTimeMillis);
    }

    ConnectionPoolMetrics(MBeanServer server, LongSupplier millis) {
        this.server = server;
        this.millis = millis;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String pattern : POOLS) {
            for (ObjectName pool : pools(pattern)) {
                String name = pool.getKeyProperty(pool.getKeyProperty("data-source") != null ? "data-source" : "xa-data-source");
                Pool read = new Pool(pool);
                for (String[] gauge : GAUGES) {
                    Gauge.builder(gauge[0], () -> read.value(gauge[1])).description(gauge[2]).tag("name", name)
                            .register(registry);
                }
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

    /** One pool's attributes as last read, and when. */
    private final class Pool {
        private final ObjectName name;
        private Map<String, Double> values = Map.of();
        private long readAt = Long.MIN_VALUE;
        private String[] spellings;

        Pool(ObjectName name) {
            this.name = name;
        }

        synchronized double value(String attribute) {
            long now = millis.getAsLong();
            if (readAt == Long.MIN_VALUE || now - readAt >= FRESH_MILLIS || now < readAt) {
                values = read();
                readAt = now;
            }
            return values.getOrDefault(attribute, Double.NaN);
        }

        /**
         * All four attributes in one call. WildFly's JMX view spells them with a capital letter or,
         * in its expression-free mode, without, and may refuse a call that names one it lacks: the
         * first read finds the spelling of each attribute one by one, later reads ask for those.
         */
        private Map<String, Double> read() {
            Map<String, Double> read = new HashMap<>();
            if (spellings != null) {
                try {
                    for (Attribute attribute : server.getAttributes(name, spellings).asList()) {
                        if (attribute.getValue() instanceof Number number) {
                            read.put(capitalised(attribute.getName()), number.doubleValue());
                        }
                    }
                } catch (JMException | RuntimeException e) {
                    LOG.log(Level.FINEST, "Cannot read the statistics of " + name, e);
                }
                if (read.size() == GAUGES.length) {
                    return read;
                }
            }
            List<String> found = new ArrayList<>();
            for (String[] gauge : GAUGES) {
                String attribute = gauge[1];
                for (String spelling : new String[] {attribute, Character.toLowerCase(attribute.charAt(0)) + attribute.substring(1)}) {
                    try {
                        if (server.getAttribute(name, spelling) instanceof Number number) {
                            read.put(attribute, number.doubleValue());
                            found.add(spelling);
                            break;
                        }
                    } catch (JMException | RuntimeException e) {
                        LOG.log(Level.FINEST, "Cannot read " + spelling + " of " + name, e);
                    }
                }
            }
            spellings = found.size() == GAUGES.length ? found.toArray(String[]::new) : null;
            return read;
        }

        private static String capitalised(String attribute) {
            return Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
        }
    }
}
