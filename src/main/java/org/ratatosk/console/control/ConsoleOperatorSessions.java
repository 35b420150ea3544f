package org.ratatosk.console.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.ratatosk.platform.OperatorSessions;

/** The console's sessions as the guards see them: a live session is the operator. */
@ApplicationScoped
public class ConsoleOperatorSessions implements OperatorSessions {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final ConsoleSessions sessions;

    /** For the container's client proxy. */
    ConsoleOperatorSessions() {
        this(null);
    }

    @Inject
    public ConsoleOperatorSessions(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean admits(String token, String method, String csrfToken) {
        Optional<ConsoleSessions.Active> session = sessions.find(token);
        if (session.isEmpty()) {
            return false;
        }
        if (!SAFE_METHODS.contains(method)) {
            ConsoleSessions.requireCsrf(session.get(), csrfToken);
        }
        return true;
    }
}
