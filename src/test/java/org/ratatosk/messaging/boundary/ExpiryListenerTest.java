package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.Message;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ratatosk.messaging.control.ExpirySweep;
import org.ratatosk.platform.ExpiryScheduler;
import org.ratatosk.testsupport.ManualClock;

/**
 * A command's deadline that the broker hands over early (a delivery delay cut short by a restart)
 * is scheduled again for its due time; once due by the server's clock it starts the drain.
 */
class ExpiryListenerTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-05-04T10:00:00Z"));
    private final List<String> rescheduled = new ArrayList<>();
    private final List<String> drains = new ArrayList<>();
    private final ExpiryListener listener = new ExpiryListener();

    ExpiryListenerTest() {
        listener.clock = clock;
        listener.scheduler = new ExpiryScheduler() {
            @Override
            public void commandTimeout(String commandId, Instant due) {
                rescheduled.add(commandId + "@" + due);
            }
        };
        listener.sweep = new ExpirySweep() {
            @Override
            public void drainSoon() {
                drains.add("drain");
            }
        };
    }

    private static Message timeout(String commandId, Instant due) {
        Map<String, Object> properties = Map.of(ExpiryScheduler.KIND, ExpiryScheduler.COMMAND_TIMEOUT,
                ExpiryScheduler.DUE, due.toEpochMilli());
        return (Message) Proxy.newProxyInstance(Message.class.getClassLoader(), new Class<?>[] {Message.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBody" -> commandId;
                    case "getStringProperty" -> (String) properties.get((String) args[0]);
                    case "getLongProperty" -> (Long) properties.get((String) args[0]);
                    case "propertyExists" -> properties.containsKey((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aDeadlineHandedOverEarlyIsScheduledAgainForItsDueTime() {
        Instant due = clock.instant().plusSeconds(30);
        listener.onMessage(timeout("c-1", due));
        assertEquals(List.of("c-1@2026-05-04T10:00:30Z"), rescheduled);
        assertEquals(List.of(), drains);
    }

    @Test
    void aDeadlineThatIsDueStartsTheDrain() {
        Instant due = clock.instant().plusSeconds(30);
        clock.advance(Duration.ofSeconds(30));
        listener.onMessage(timeout("c-1", due));
        assertEquals(List.of(), rescheduled);
        assertEquals(List.of("drain"), drains);
    }
}
