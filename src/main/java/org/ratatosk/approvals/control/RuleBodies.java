package org.ratatosk.approvals.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.ratatosk.platform.Bodies;

/**
 * An approval rule as given, read in the steps its checks take: a token's times are checked before
 * its groups are read, a group's approvers before its quorum, and a name, read last, is only a label.
 */
public final class RuleBodies {

    private RuleBodies() {
    }

    public record Tokens(JsonArray tokens) {
    }

    public record Times(Long timelock, Long timeout) {
    }

    public record Groups(JsonArray groups) {
    }

    public record Approvals(JsonArray approvals) {
    }

    /** How an approver is named, and by what. */
    public record Approver(String type, String value) {
    }

    public record Quorum(Long quorum) {
    }

    public record Named(String name) {
    }

    /** The name of a token, group or approver; none is the empty name. */
    static String name(JsonObject part) {
        String name = Bodies.bind(part, Named.class).name();
        return name == null ? "" : name;
    }
}
