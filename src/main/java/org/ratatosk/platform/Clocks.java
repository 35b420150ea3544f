package org.ratatosk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock the application reads time from, in UTC. Injected rather than read from the system in
 * each place, so the rules that depend on time can be tested with a clock the test sets.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
