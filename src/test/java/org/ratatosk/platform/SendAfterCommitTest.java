package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message whose row is its record is sent after the commit, on a context of its own, and a failure stays with the sender. */
class SendAfterCommitTest {

    private final List<String> events = new ArrayList<>();
    private final List<Runnable> atCommit = new ArrayList<>();
    private final SendAfterCommit sends = new SendAfterCommit();
    private RuntimeException brokerFailure;

    SendAfterCommitTest() {
        sends.afterCommit = new AfterCommit() {
            @Override
            public void run(Runnable work) {
                atCommit.add(work);
            }
        };
        sends.executor = stub(ManagedExecutorService.class, (method, args) -> {
            events.add("executor");
            ((Runnable) args[0]).run();
            return null;
        });
        sends.connectionFactory = stub(ConnectionFactory.class, (method, args) -> {
            if (brokerFailure != null) {
                throw brokerFailure;
            }
            events.add("context");
            return stub(JMSContext.class, (m, a) -> {
                events.add(m);
                return null;
            });
        });
        sends.gate = new BrokerGate();
    }

    @Test
    void theMessageGoesOutOnlyOnceTheTransactionHasCommittedOnAContextThatIsThenClosed() {
        sends.send("deadline of c-1", context -> events.add("send"));
        assertEquals(List.of(), events, "nothing is sent before the commit");

        atCommit.forEach(Runnable::run);
        assertEquals(List.of("executor", "context", "send", "close"), events);
    }

    @Test
    void aBrokerThatCannotTakeTheMessageLeavesTheCommittedTransactionAloneAndClosesTheGate() {
        brokerFailure = new JMSRuntimeException("AMQ219010: Connection is destroyed");
        sends.send("callback attempt 1 of command c-1", context -> events.add("send"));
        atCommit.forEach(Runnable::run);
        assertEquals(List.of("executor"), events, "the failure was logged, not thrown into the commit");

        brokerFailure = null;
        JMSRuntimeException refused = assertThrows(JMSRuntimeException.class, () -> sends.now(context -> events.add("send")));
        assertEquals("MESSAGING_UNAVAILABLE", refused.getErrorCode(), "the next send meets the closed gate");
        assertEquals(List.of("executor"), events, "without asking the broker for a context");
    }

    @Test
    void aSendNowGoesOutAtOnceAndItsFailureReachesTheCaller() {
        sends.now(context -> events.add("send"));
        assertEquals(List.of("context", "send", "close"), events);

        brokerFailure = new JMSRuntimeException("AMQ219014: Timed out");
        assertThrows(JMSRuntimeException.class, () -> sends.now(context -> events.add("send")));
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : method.invoke(answer, args);
            }
            return answer.answer(method.getName(), args);
        });
    }
}
