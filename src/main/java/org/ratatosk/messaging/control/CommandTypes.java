package org.ratatosk.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.ratatosk.messaging.entity.CommandType;

/** The rules of every command type, keyed by type; a type without rules, or with two, stops the deployment. */
@ApplicationScoped
public class CommandTypes {

    @Inject
    @Any
    Instance<CommandRules> discovered;

    private final Map<CommandType, CommandRules> byType = new EnumMap<>(CommandType.class);

    @PostConstruct
    void collect() {
        discovered.forEach(this::add);
        for (CommandType type : CommandType.values()) {
            if (!byType.containsKey(type)) {
                throw new IllegalStateException("No rules for command type " + type);
            }
        }
    }

    /** The registry of {@code rules} without a container, as tests build it. */
    static CommandTypes of(CommandRules... rules) {
        CommandTypes types = new CommandTypes();
        for (CommandRules r : rules) {
            types.add(r);
        }
        return types;
    }

    private void add(CommandRules rules) {
        CommandRules before = byType.putIfAbsent(rules.type(), rules);
        if (before != null && before != rules) {
            throw new IllegalStateException("Two rules for command type " + rules.type() + ": "
                    + before.getClass().getName() + " and " + rules.getClass().getName());
        }
    }

    public CommandRules of(CommandType type) {
        CommandRules rules = byType.get(type);
        if (rules == null) {
            throw new IllegalStateException("No rules for command type " + type);
        }
        return rules;
    }
}
