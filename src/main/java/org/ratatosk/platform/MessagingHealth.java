package org.ratatosk.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The message broker accepts a connection and answers on it. With a broker outside the server, a connection attempt
 * to a broker that is gone can take many seconds; the check answers DOWN after two, and a load
 * balancer that asks every second joins the attempt in flight instead of starting one more.
 */
@ApplicationScoped
public class MessagingHealth implements HealthCheck {

    static final long BUDGET_MILLIS = 2000;

    @Resource
    ConnectionFactory connectionFactory;

    @Resource
    ManagedExecutorService executor;

    @Inject
    BrokerGate gate;

    private CompletableFuture<Void> inFlight;

    @Override
    public String name() {
        return "messaging";
    }

    @Override
    public void check() throws Exception {
        CompletableFuture<Void> attempt = attempt();
        try {
            attempt.get(BUDGET_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            gate.unreachable("health check: " + e.getCause());
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            gate.unreachable("health check: no connection within " + BUDGET_MILLIS + " ms");
            throw new TimeoutException("the broker did not accept a connection within " + BUDGET_MILLIS + " ms");
        }
        gate.reachable();
    }

    private synchronized CompletableFuture<Void> attempt() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.runAsync(this::connect, executor);
        }
        return inFlight;
    }

    /**
     * A temporary queue is made by the broker itself: a pooled connection that is reconnecting to a
     * broker that went away would hand out a context and a producer all the same.
     */
    private void connect() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createTemporaryQueue();
        }
    }
}
