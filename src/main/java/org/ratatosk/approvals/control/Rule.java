package org.ratatosk.approvals.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;

/**
 * An approval rule: any one of its tokens suffices; a token needs all its groups; a group needs
 * {@code quorum} of its approvers. An approval counts for a token only when it was given between
 * the request time plus the token's timelock and the request time plus its timeout.
 */
public record Rule(List<Token> tokens) {

    public static final Rule NONE = new Rule(List.of());

    static final String PUBLIC_KEY = "public_key";
    static final String CERTIFICATE = "certificate";

    public record Token(String name, long timelock, long timeout, List<Group> groups) {
    }

    public record Group(String name, int quorum, List<Approver> approvals) {
    }

    /**
     * An approver named by its public key ({@code public_key}) or, as TSB allows, by a certificate
     * ({@code certificate}, PEM or base64 DER) whose key signs; {@code value} is kept as given.
     */
    public record Approver(String name, String publicKey, String type, String value) {
    }

    /** One approver's answer to a request. */
    public record Decision(String approverKey, boolean approve, Instant at) {
    }

    public enum Outcome { PENDING, APPROVED, REJECTED }

    public boolean needsApproval() {
        return !tokens.isEmpty();
    }

    public static Rule parse(JsonValue value, String field) {
        return parse(value, field, false);
    }

    /**
     * A rule as the database holds it. Rules stored before their times were bounded may hold more
     * than {@link #UNLIMITED_SECONDS}; they are read as that bound rather than refused, so the key
     * stays readable and its requests get deadlines an {@link Instant} can hold.
     */
    public static Rule stored(JsonValue value, String field) {
        return parse(value, field, true);
    }

    private static Rule parse(JsonValue value, String field, boolean stored) {
        if (value == null || value == JsonValue.NULL) {
            return NONE;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(field, "must be an object");
        }
        JsonArray tokens = Bodies.bind(value.asJsonObject(), RuleBodies.Tokens.class).tokens();
        List<Token> parsed = new ArrayList<>();
        for (JsonValue token : tokens == null ? JsonValue.EMPTY_JSON_ARRAY : tokens) {
            parsed.add(parseToken(token, field + ".tokens[" + parsed.size() + "]", stored));
        }
        return new Rule(List.copyOf(parsed));
    }

    private static Token parseToken(JsonValue value, String field, boolean stored) {
        JsonObject token = object(value, field);
        RuleBodies.Times times = Bodies.bind(token, RuleBodies.Times.class);
        long timelock = Optional.ofNullable(times.timelock()).orElse(0L);
        long timeout = Optional.ofNullable(times.timeout()).orElse(0L);
        if (stored) {
            timelock = Math.min(timelock, UNLIMITED_SECONDS - 1);
            timeout = Math.min(timeout, UNLIMITED_SECONDS);
        }
        if (timelock > UNLIMITED_SECONDS || timeout > UNLIMITED_SECONDS) {
            throw invalid(field, "timelock and timeout may be at most " + UNLIMITED_SECONDS + " seconds (100 years)");
        }
        if (timelock < 0 || timeout < 0 || timelock >= (timeout == NO_TIMEOUT ? UNLIMITED_SECONDS : timeout)) {
            throw invalid(field, "needs 0 <= timelock < timeout (seconds), or timeout 0 for none");
        }
        JsonArray groups = Bodies.bind(token, RuleBodies.Groups.class).groups();
        if (groups == null || groups.isEmpty()) {
            throw invalid(field, "needs at least one group");
        }
        List<Group> parsed = new ArrayList<>();
        for (JsonValue group : groups) {
            parsed.add(parseGroup(group, field + ".groups[" + parsed.size() + "]"));
        }
        return new Token(RuleBodies.name(token), timelock, timeout, List.copyOf(parsed));
    }

    private static Group parseGroup(JsonValue value, String field) {
        JsonObject group = object(value, field);
        JsonArray approvals = Bodies.bind(group, RuleBodies.Approvals.class).approvals();
        List<Approver> approvers = new ArrayList<>();
        for (JsonValue approval : approvals == null ? JsonValue.EMPTY_JSON_ARRAY : approvals) {
            String where = field + ".approvals[" + approvers.size() + "]";
            JsonObject approver = object(approval, where);
            RuleBodies.Approver given = Bodies.bind(approver, RuleBodies.Approver.class);
            String type = Optional.ofNullable(given.type()).orElse(PUBLIC_KEY);
            String named = Optional.ofNullable(given.value()).orElse("");
            String key = switch (type) {
                case PUBLIC_KEY -> ApproverKeys.canonical(named, where);
                case CERTIFICATE -> ApproverKeys.ofCertificate(named, where);
                default -> throw invalid(where, "type must be public_key or certificate");
            };
            if (approvers.stream().anyMatch(a -> a.publicKey().equals(key))) {
                throw invalid(where, "names an approver twice in the same group");
            }
            approvers.add(new Approver(RuleBodies.name(approver), key, type, PUBLIC_KEY.equals(type) ? key : named));
        }
        long quorum = Optional.ofNullable(Bodies.bind(group, RuleBodies.Quorum.class).quorum()).orElse(1L);
        if (quorum < 1 || quorum > approvers.size()) {
            throw invalid(field, "quorum must be between 1 and the number of approvals");
        }
        return new Group(RuleBodies.name(group), (int) quorum, List.copyOf(approvers));
    }

    private static JsonObject object(JsonValue value, String field) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(field, "must be an object");
        }
        return value.asJsonObject();
    }

    private static InvalidInput invalid(String field, String problem) {
        return new InvalidInput(ErrorCode.INVALID_POLICY, "'" + field + "' " + problem);
    }

    public JsonValue toJson() {
        if (tokens.isEmpty()) {
            return JsonValue.NULL;
        }
        JsonArrayBuilder tokenArray = Jsons.createArrayBuilder();
        for (Token token : tokens) {
            JsonArrayBuilder groupArray = Jsons.createArrayBuilder();
            for (Group group : token.groups()) {
                JsonArrayBuilder approvals = Jsons.createArrayBuilder();
                group.approvals().forEach(a -> approvals.add(Jsons.createObjectBuilder()
                        .add("type", a.type()).add("name", a.name()).add("value", a.value())));
                groupArray.add(Jsons.createObjectBuilder().add("name", group.name()).add("quorum", group.quorum())
                        .add("approvals", approvals));
            }
            tokenArray.add(Jsons.createObjectBuilder().add("name", token.name()).add("timelock", token.timelock())
                    .add("timeout", token.timeout()).add("groups", groupArray));
        }
        return Jsons.createObjectBuilder().add("tokens", tokenArray).build();
    }

    /** Every approver the rule names, each once, in order. */
    public List<String> approverKeys() {
        List<String> keys = new ArrayList<>();
        tokens.forEach(t -> t.groups().forEach(g -> g.approvals().forEach(a -> {
            if (!keys.contains(a.publicKey())) {
                keys.add(a.publicKey());
            }
        })));
        return keys;
    }

    public Optional<String> approverName(String key) {
        return tokens.stream().flatMap(t -> t.groups().stream()).flatMap(g -> g.approvals().stream())
                .filter(a -> a.publicKey().equals(key)).map(Approver::name).findFirst();
    }

    /** Whether an approver may answer now: named by a token whose time window is open. */
    public boolean acceptsDecisionFrom(String key, Instant requestedAt, Instant now) {
        return tokens.stream().anyMatch(t -> names(t, key) && inWindow(t, requestedAt, now));
    }

    /** Whether the approver is named by a token whose timelock has not yet passed (and no open one). */
    public boolean timelocked(String key, Instant requestedAt, Instant now) {
        return tokens.stream().anyMatch(t -> names(t, key) && now.isBefore(requestedAt.plusSeconds(t.timelock())));
    }

    /** TSB's timeout 0: the token waits for its approvals without end. */
    static final long NO_TIMEOUT = 0;

    /**
     * A deadline for a token without timeout, far enough to be none and near enough for every
     * database; also the largest timelock or timeout a rule may name (100 years).
     */
    public static final long UNLIMITED_SECONDS = 100L * 366 * 24 * 3600;

    private static long seconds(Token token) {
        return token.timeout() == NO_TIMEOUT ? UNLIMITED_SECONDS : token.timeout();
    }

    /** When the last token's timeout passes: after it, no approval can change anything. */
    public Instant expiresAt(Instant requestedAt) {
        return requestedAt.plusSeconds(tokens.stream().mapToLong(Rule::seconds).max().orElse(0));
    }

    public Outcome evaluate(List<Decision> decisions, Instant requestedAt) {
        if (tokens.isEmpty()) {
            return Outcome.APPROVED;
        }
        boolean stillPossible = false;
        for (Token token : tokens) {
            boolean met = true;
            boolean possible = true;
            for (Group group : token.groups()) {
                long approved = group.approvals().stream()
                        .filter(a -> decided(decisions, a.publicKey(), true, token, requestedAt)).count();
                long rejected = group.approvals().stream()
                        .filter(a -> decisions.stream().anyMatch(d -> d.approverKey().equals(a.publicKey()) && !d.approve()))
                        .count();
                met &= approved >= group.quorum();
                possible &= group.approvals().size() - rejected >= group.quorum();
            }
            if (met) {
                return Outcome.APPROVED;
            }
            stillPossible |= possible;
        }
        return stillPossible ? Outcome.PENDING : Outcome.REJECTED;
    }

    private static boolean decided(List<Decision> decisions, String key, boolean approve, Token token, Instant requestedAt) {
        return decisions.stream().anyMatch(d -> d.approverKey().equals(key) && d.approve() == approve
                && inWindow(token, requestedAt, d.at()));
    }

    private static boolean names(Token token, String key) {
        return token.groups().stream().anyMatch(g -> g.approvals().stream().anyMatch(a -> a.publicKey().equals(key)));
    }

    private static boolean inWindow(Token token, Instant requestedAt, Instant at) {
        return !at.isBefore(requestedAt.plusSeconds(token.timelock())) && !at.isAfter(requestedAt.plusSeconds(seconds(token)));
    }
}
