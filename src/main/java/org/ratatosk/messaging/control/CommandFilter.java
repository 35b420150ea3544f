package org.ratatosk.messaging.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;

/**
 * The operator's filters on the command list; each null one does not filter. {@code from} is
 * inclusive and {@code to} exclusive, both on the creation time.
 */
public record CommandFilter(CommandState state, CommandType type, String clientId, String user, Instant from, Instant to) {

    /** JPQL conditions on {@code c}, and their parameters. */
    List<String> conditions(Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        add(conditions, parameters, "c.state = :state", "state", state);
        add(conditions, parameters, "c.type = :type", "type", type);
        add(conditions, parameters, "c.clientId = :clientId", "clientId", clientId);
        add(conditions, parameters, "c.targetUser = :user", "user", user);
        add(conditions, parameters, "c.createdAt >= :from", "from", from);
        add(conditions, parameters, "c.createdAt < :to", "to", to);
        return conditions;
    }

    private static void add(List<String> conditions, Map<String, Object> parameters, String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }
}
