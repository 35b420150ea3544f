package org.ratatosk.callbacks.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.ratatosk.platform.Config;

/** The callback settings, read once: retry schedule, maximum age, HTTP timeouts and the grace of a late attempt. */
@ApplicationScoped
public class CallbackSettings {

    @Inject
    Config config;

    private CallbackSchedule schedule;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration overdueGrace;

    @PostConstruct
    void read() {
        schedule = CallbackSchedule.parse(config.get("hermod.callback.retry-delays", CallbackSchedule.DEFAULT_DELAYS),
                config.get("hermod.callback.max-age", CallbackSchedule.DEFAULT_MAX_AGE));
        connectTimeout = CallbackSchedule.duration(config.get("hermod.callback.connect-timeout", "2s"));
        readTimeout = CallbackSchedule.duration(config.get("hermod.callback.read-timeout", "5s"));
        overdueGrace = CallbackSchedule.duration(config.get("hermod.callback.overdue-grace", "30s"));
    }

    public CallbackSchedule schedule() {
        return schedule;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** How long past its due time a queued attempt may stay with the broker before it is queued again. */
    public Duration overdueGrace() {
        return overdueGrace;
    }
}
