package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class ConnectionPoolMetricsTest {

    /** A data source's pool statistics as WildFly's JMX view shows them, counting the calls that read them. */
    static final class PoolStatistics implements DynamicMBean {
        final Map<String, Integer> values;
        final AtomicInteger reads = new AtomicInteger();
        volatile int asked;

        PoolStatistics(Map<String, Integer> values) {
            this.values = values;
        }

        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            reads.incrementAndGet();
            if (!values.containsKey(attribute)) {
                throw new AttributeNotFoundException(attribute);
            }
            return values.get(attribute);
        }

        @Override
        public AttributeList getAttributes(String[] attributes) {
            reads.incrementAndGet();
            asked = attributes.length;
            AttributeList list = new AttributeList();
            for (String name : attributes) {
                if (values.containsKey(name)) {
                    list.add(new Attribute(name, values.get(name)));
                }
            }
            return list;
        }

        @Override
        public void setAttribute(Attribute attribute) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AttributeList setAttributes(AttributeList attributes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object invoke(String actionName, Object[] params, String[] signature) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            MBeanAttributeInfo[] attributes = values.keySet().stream()
                    .map(name -> new MBeanAttributeInfo(name, "java.lang.Integer", name, true, false, false))
                    .toArray(MBeanAttributeInfo[]::new);
            return new MBeanInfo(PoolStatistics.class.getName(), "pool", attributes, null, null, null);
        }
    }

    @Test
    void aScrapeReadsEachPoolOnceAndALaterScrapeReadsItAgain() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        PoolStatistics pool = new PoolStatistics(Map.of("InUseCount", 3, "IdleCount", 5, "MaxUsedCount", 9, "WaitCount", 2));
        server.registerMBean(pool, new ObjectName("jboss.as:subsystem=datasources,data-source=HermodDS,statistics=pool"));
        AtomicLong now = new AtomicLong(1_000_000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ConnectionPoolMetrics(server, now::get).bindTo(registry);

        assertEquals(3, registry.get("jdbc.connections.active").tag("name", "HermodDS").gauge().value());
        assertEquals(5, registry.get("jdbc.connections.idle").tag("name", "HermodDS").gauge().value());
        assertEquals(9, registry.get("jdbc.connections.max.used").tag("name", "HermodDS").gauge().value());
        assertEquals(2, registry.get("jdbc.connections.waiting").tag("name", "HermodDS").gauge().value());
        assertEquals(4, pool.reads.get(), "the first scrape finds each attribute once, for all four gauges");

        now.addAndGet(ConnectionPoolMetrics.FRESH_MILLIS);
        assertEquals(3, registry.get("jdbc.connections.active").tag("name", "HermodDS").gauge().value());
        assertEquals(9, registry.get("jdbc.connections.max.used").tag("name", "HermodDS").gauge().value());
        assertEquals(5, pool.reads.get(), "a scrape a second later reads again, all four at once");
        assertEquals(4, pool.asked, "in the spelling that answered");
    }

    @Test
    void theLowerCaseSpellingIsReadToo() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        server.registerMBean(new PoolStatistics(Map.of("inUseCount", 4, "idleCount", 1, "maxUsedCount", 7, "waitCount", 0)),
                new ObjectName("jboss.as:subsystem=datasources,xa-data-source=XaDS,statistics=pool"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ConnectionPoolMetrics(server, () -> 0).bindTo(registry);

        assertEquals(4, registry.get("jdbc.connections.active").tag("name", "XaDS").gauge().value());
        assertEquals(7, registry.get("jdbc.connections.max.used").tag("name", "XaDS").gauge().value());
    }

    @Test
    void aServerWithoutPoolsBindsNothing() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ConnectionPoolMetrics(MBeanServerFactory.newMBeanServer(), () -> 0).bindTo(registry);
        assertEquals(0, registry.find("jdbc.connections.active").gauges().size());
    }
}
