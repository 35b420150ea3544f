package org.ratatosk.approvals.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;

/** The four rules that govern a key: using it, blocking, unblocking and changing it. */
public record KeyPolicy(Rule use, Rule block, Rule unblock, Rule modify) {

    public static final KeyPolicy OPEN = new KeyPolicy(Rule.NONE, Rule.NONE, Rule.NONE, Rule.NONE);

    /** The operation a request asks for, and the rule that governs it. */
    public enum Operation {
        CSR, SIGN_CERTIFICATE, SELF_SIGN, SIGN, DECRYPT, UNWRAP, BLOCK, UNBLOCK, MODIFY;

        public Rule ruleOf(KeyPolicy policy) {
            return switch (this) {
                case CSR, SIGN_CERTIFICATE, SELF_SIGN, SIGN, DECRYPT, UNWRAP -> policy.use();
                case BLOCK -> policy.block();
                case UNBLOCK -> policy.unblock();
                case MODIFY -> policy.modify();
            };
        }
    }

    public static KeyPolicy parse(JsonValue value) {
        return parse(value, false);
    }

    private static KeyPolicy parse(JsonValue value, boolean stored) {
        if (value == null || value == JsonValue.NULL) {
            return OPEN;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput(ErrorCode.INVALID_POLICY, "'policy' must be an object");
        }
        JsonObject policy = value.asJsonObject();
        KeyPolicy parsed = new KeyPolicy(rule(policy, "ruleUse", stored), rule(policy, "ruleBlock", stored),
                rule(policy, "ruleUnblock", stored), rule(policy, "ruleModify", stored));
        if (!stored) {
            // held to its types wherever a policy is given, also where it is not applied (modify)
            keyStatusBlocked(policy);
        }
        return parsed;
    }

    private static Rule rule(JsonObject policy, String name, boolean stored) {
        return stored ? Rule.stored(policy.get(name), name) : Rule.parse(policy.get(name), name);
    }

    /** The initial blocked state from {@code policy.keyStatus.blocked}. */
    public static boolean initiallyBlocked(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            return false;
        }
        return keyStatusBlocked(value.asJsonObject()).orElse(false);
    }

    private static java.util.Optional<Boolean> keyStatusBlocked(JsonObject policy) {
        return java.util.Optional.ofNullable(Bodies.bind(policy, Status.class).keyStatus())
                .map(status -> Bodies.bind(status, Blocked.class).blocked());
    }

    /** A policy's {@code keyStatus}, read after its rules. */
    public record Status(JsonObject keyStatus) {
    }

    public record Blocked(Boolean blocked) {
    }

    private static final java.util.Map<String, KeyPolicy> STORED = new java.util.concurrent.ConcurrentHashMap<>();

    /** A stored policy, parsed once: every use of a key reads its policy. */
    public static KeyPolicy fromStored(String json) {
        KeyPolicy policy = STORED.get(json);
        if (policy == null) {
            if (STORED.size() > 1000) {
                STORED.clear();
            }
            policy = parse(Jsons.createReader(new java.io.StringReader(json)).readValue(), true);
            STORED.put(json, policy);
        }
        return policy;
    }

    public JsonObject toJson() {
        return rules().build();
    }

    public JsonObject toJson(boolean blocked) {
        return rules().add("keyStatus", Jsons.createObjectBuilder().add("blocked", blocked)).build();
    }

    private JsonObjectBuilder rules() {
        return Jsons.createObjectBuilder().add("ruleUse", use.toJson()).add("ruleBlock", block.toJson())
                .add("ruleUnblock", unblock.toJson()).add("ruleModify", modify.toJson());
    }
}
