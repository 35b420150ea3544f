package org.ratatosk.approvals.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.testsupport.Seeds;

/** Quorum, groups, tokens, timelock and timeout of approval rules. */
class RuleTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final List<String> KEYS = new ArrayList<>();

    @BeforeAll
    static void approverKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        for (int i = 0; i < 6; i++) {
            KEYS.add(Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded()));
        }
    }

    static JsonObject group(int quorum, int... approvers) {
        JsonArrayBuilder approvals = Json.createArrayBuilder();
        for (int a : approvers) {
            approvals.add(Json.createObjectBuilder().add("type", "public_key").add("name", "A" + a).add("value", KEYS.get(a)));
        }
        return Json.createObjectBuilder().add("name", "G").add("quorum", quorum).add("approvals", approvals).build();
    }

    static JsonObject token(int timelock, int timeout, JsonObject... groups) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObject g : groups) {
            array.add(g);
        }
        return Json.createObjectBuilder().add("name", "T").add("timelock", timelock).add("timeout", timeout).add("groups", array).build();
    }

    static Rule rule(JsonObject... tokens) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObject t : tokens) {
            array.add(t);
        }
        return Rule.parse(Json.createObjectBuilder().add("tokens", array).build(), "ruleUse");
    }

    static Rule.Decision approve(int approver, long secondsAfter) {
        return new Rule.Decision(KEYS.get(approver), true, T0.plusSeconds(secondsAfter));
    }

    static Rule.Decision reject(int approver, long secondsAfter) {
        return new Rule.Decision(KEYS.get(approver), false, T0.plusSeconds(secondsAfter));
    }

    @Test
    void emptyOrMissingRuleNeedsNoApproval() {
        assertFalse(Rule.parse(JsonValue.NULL, "ruleUse").needsApproval());
        assertFalse(Rule.parse(Json.createObjectBuilder().add("tokens", Json.createArrayBuilder()).build(), "r").needsApproval());
        assertEquals(Rule.Outcome.APPROVED, Rule.NONE.evaluate(List.of(), T0));
    }

    @Test
    void twoOfThreeInEachOfTwoGroups() {
        Rule rule = rule(token(0, 600, group(2, 0, 1, 2), group(2, 3, 4, 5)));
        assertEquals(Rule.Outcome.PENDING, rule.evaluate(List.of(approve(0, 1), approve(1, 2)), T0),
                "one group met is not enough");
        assertEquals(Rule.Outcome.PENDING, rule.evaluate(List.of(approve(0, 1), approve(3, 2), approve(4, 3)), T0));
        assertEquals(Rule.Outcome.APPROVED,
                rule.evaluate(List.of(approve(0, 1), approve(2, 2), approve(3, 3), approve(5, 4)), T0));
    }

    @Test
    void rejectionsThatMakeAQuorumImpossibleReject() {
        Rule rule = rule(token(0, 600, group(2, 0, 1, 2)));
        assertEquals(Rule.Outcome.PENDING, rule.evaluate(List.of(reject(0, 1)), T0), "two approvers remain for a quorum of two");
        assertEquals(Rule.Outcome.REJECTED, rule.evaluate(List.of(reject(0, 1), reject(1, 2)), T0));
    }

    @Test
    void anyOneTokenSuffices() {
        Rule rule = rule(token(0, 600, group(2, 0, 1)), token(0, 600, group(1, 2)));
        assertEquals(Rule.Outcome.APPROVED, rule.evaluate(List.of(approve(2, 1)), T0));
        assertEquals(Rule.Outcome.PENDING, rule.evaluate(List.of(reject(0, 1)), T0), "the second token is still possible");
        assertEquals(Rule.Outcome.REJECTED, rule.evaluate(List.of(reject(0, 1), reject(2, 1)), T0));
    }

    @Test
    void approvalsCountOnlyInsideTheTokensWindow() {
        Rule rule = rule(token(60, 600, group(1, 0)));
        assertFalse(rule.acceptsDecisionFrom(KEYS.get(0), T0, T0.plusSeconds(59)));
        assertTrue(rule.timelocked(KEYS.get(0), T0, T0.plusSeconds(59)));
        assertTrue(rule.acceptsDecisionFrom(KEYS.get(0), T0, T0.plusSeconds(60)));
        assertFalse(rule.acceptsDecisionFrom(KEYS.get(0), T0, T0.plusSeconds(601)));
        assertEquals(Rule.Outcome.PENDING, rule.evaluate(List.of(approve(0, 30)), T0));
        assertEquals(Rule.Outcome.APPROVED, rule.evaluate(List.of(approve(0, 60)), T0));
        assertEquals(T0.plusSeconds(600), rule.expiresAt(T0));
    }

    @Test
    void strangersAreNotApprovers() {
        Rule rule = rule(token(0, 600, group(1, 0, 1)));
        assertFalse(rule.acceptsDecisionFrom(KEYS.get(5), T0, T0.plusSeconds(1)));
        assertEquals(Rule.Outcome.PENDING, rule.evaluate(List.of(approve(5, 1)), T0));
        assertEquals(List.of(KEYS.get(0), KEYS.get(1)), rule.approverKeys());
    }

    @Test
    void timeoutZeroIsNoTimeoutAsInTsb() {
        Rule rule = rule(token(60, 0, group(1, 0)));
        Instant requested = Instant.parse("2026-01-01T00:00:00Z");
        assertTrue(rule.expiresAt(requested).isAfter(requested.plusSeconds(50L * 365 * 24 * 3600)));
        assertTrue(rule.expiresAt(requested).isBefore(Instant.parse("2200-01-01T00:00:00Z")));
        assertFalse(rule.acceptsDecisionFrom(KEYS.get(0), requested, requested.plusSeconds(59)), "still timelocked");
        assertTrue(rule.acceptsDecisionFrom(KEYS.get(0), requested, requested.plusSeconds(10L * 365 * 24 * 3600)));
        assertEquals(0, rule.toJson().asJsonObject().getJsonArray("tokens").getJsonObject(0).getInt("timeout"));
    }

    @Test
    void invalidRulesAreRefused() {
        assertEquals(ErrorCode.INVALID_POLICY, assertThrows(DomainException.class,
                () -> rule(token(0, 600, group(3, 0, 1)))).code(), "quorum above the number of approvers");
        assertEquals(ErrorCode.INVALID_POLICY, assertThrows(DomainException.class,
                () -> rule(token(600, 600, group(1, 0)))).code(), "timelock not before timeout");
        assertEquals(ErrorCode.INVALID_POLICY, assertThrows(DomainException.class,
                () -> rule(token(0, -1, group(1, 0)))).code(), "negative timeout");
        assertEquals(ErrorCode.INVALID_POLICY, assertThrows(DomainException.class,
                () -> rule(token(0, 60, group(1, 0, 0)))).code(), "same approver twice in a group");
        assertEquals(ErrorCode.INVALID_POLICY, assertThrows(DomainException.class, () -> rule(token(0, 60))).code(), "no group");
        JsonObject password = Json.createObjectBuilder().add("quorum", 1).add("approvals", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "password").add("value", KEYS.get(0)))).build();
        assertEquals(ErrorCode.INVALID_POLICY, assertThrows(DomainException.class, () -> rule(token(0, 60, password))).code());
    }

    static JsonObject token(long timelock, long timeout, JsonObject group) {
        return Json.createObjectBuilder().add("name", "T").add("timelock", timelock).add("timeout", timeout)
                .add("groups", Json.createArrayBuilder().add(group)).build();
    }

    @Test
    void timesBeyondAHundredYearsAreAnInvalidPolicy() {
        assertEquals(100L * 366 * 24 * 3600, Rule.UNLIMITED_SECONDS);
        for (long[] times : new long[][] {{Long.MAX_VALUE, 0}, {0, Long.MAX_VALUE}, {Long.MAX_VALUE - 1, Long.MAX_VALUE},
                {0, Rule.UNLIMITED_SECONDS + 1}, {Rule.UNLIMITED_SECONDS, 0}}) {
            DomainException refused = assertThrows(DomainException.class, () -> rule(token(times[0], times[1], group(1, 0))),
                    times[0] + "/" + times[1]);
            assertEquals(ErrorCode.INVALID_POLICY, refused.code());
            assertEquals(400, refused.code().status());
        }
        Rule longest = rule(token(Rule.UNLIMITED_SECONDS - 1, Rule.UNLIMITED_SECONDS, group(1, 0)));
        assertEquals(T0.plusSeconds(Rule.UNLIMITED_SECONDS), longest.expiresAt(T0));
        assertTrue(longest.timelocked(KEYS.get(0), T0, T0.plusSeconds(Rule.UNLIMITED_SECONDS - 2)));
        assertTrue(longest.acceptsDecisionFrom(KEYS.get(0), T0, T0.plusSeconds(Rule.UNLIMITED_SECONDS - 1)));
    }

    @Test
    void storedTimesBeyondTheBoundAreReadAsTheBound() {
        JsonObject stored = Json.createObjectBuilder().add("tokens", Json.createArrayBuilder()
                .add(token(Long.MAX_VALUE, 0, group(1, 0))).add(token(0, Long.MAX_VALUE, group(1, 1)))).build();
        Rule rule = Rule.stored(stored, "ruleUse");
        assertEquals(Rule.UNLIMITED_SECONDS - 1, rule.tokens().get(0).timelock());
        assertEquals(0, rule.tokens().get(0).timeout());
        assertEquals(Rule.UNLIMITED_SECONDS, rule.tokens().get(1).timeout());
        assertEquals(T0.plusSeconds(Rule.UNLIMITED_SECONDS), rule.expiresAt(T0));
        assertFalse(rule.acceptsDecisionFrom(KEYS.get(0), T0, T0.plusSeconds(3600)));
        assertTrue(rule.acceptsDecisionFrom(KEYS.get(1), T0, T0.plusSeconds(3600)));
        KeyPolicy policy = KeyPolicy.fromStored(Json.createObjectBuilder().add("ruleUse", stored).build().toString());
        assertEquals(rule, policy.use());
    }

    @Test
    void ruleSurvivesItsJsonForm() {
        Rule rule = rule(token(5, 600, group(2, 0, 1, 2), group(1, 3)));
        Rule again = Rule.parse(rule.toJson(), "ruleUse");
        assertEquals(rule, again);
    }

    @Test
    void seedPolicyParsesWithItsApprover() throws Exception {
        String seed = Seeds.read("003");
        int start = seed.indexOf('{');
        int end = seed.indexOf("\nCreate a CSR");
        JsonObject key = Json.createReader(new java.io.StringReader(seed.substring(start, end).trim())).readObject();
        KeyPolicy policy = KeyPolicy.parse(key.get("policy"));
        assertTrue(policy.use().needsApproval());
        assertEquals(1, policy.use().tokens().get(0).groups().get(0).quorum());
        assertEquals(600, policy.block().tokens().get(0).timeout());
        assertEquals(List.of("ApproverKey1"), List.of(policy.modify().tokens().get(0).groups().get(0).approvals().get(0).name()));
        assertFalse(KeyPolicy.initiallyBlocked(key.get("policy")));
    }

    /** As TSB's Go client sends a certificate approver: type certificate, name null, the PEM as value. */
    @Test
    void certificateApproverIsItsCertificatesKeyBesidePublicKeyApprovers() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        java.security.KeyPair pair = generator.generateKeyPair();
        byte[] der = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(new org.bouncycastle.asn1.x500.X500Name("CN=approver"),
                java.math.BigInteger.TWO, new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L),
                new org.bouncycastle.asn1.x500.X500Name("CN=approver"), pair.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())).getEncoded();
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----\n";
        JsonObject group = Json.createObjectBuilder().add("name", "main").add("quorum", 2).add("approvals", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "certificate").addNull("name").add("value", pem))
                .add(Json.createObjectBuilder().add("type", "public_key").add("name", "A0").add("value", KEYS.get(0)))).build();
        Rule rule = rule(token(0, 0, group));
        String certified = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        assertEquals(List.of(certified, KEYS.get(0)), rule.approverKeys());
        assertEquals(Rule.Outcome.PENDING, rule.evaluate(List.of(new Rule.Decision(certified, true, T0)), T0));
        assertEquals(Rule.Outcome.APPROVED, rule.evaluate(List.of(new Rule.Decision(certified, true, T0), approve(0, 1)), T0));
        JsonObject shown = rule.toJson().asJsonObject().getJsonArray("tokens").getJsonObject(0).getJsonArray("groups")
                .getJsonObject(0).getJsonArray("approvals").getJsonObject(0);
        assertEquals("certificate", shown.getString("type"));
        assertEquals(pem, shown.getString("value"));
        assertEquals(rule, Rule.parse(rule.toJson(), "ruleUse"));
        assertEquals(ErrorCode.INVALID_CERTIFICATE, assertThrows(DomainException.class, () -> rule(token(0, 0, Json.createObjectBuilder()
                .add("quorum", 1).add("approvals", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "certificate").add("value", KEYS.get(1)))).build()))).code());
        assertEquals(ErrorCode.INVALID_POLICY, assertThrows(DomainException.class, () -> rule(token(0, 0, Json.createObjectBuilder()
                .add("quorum", 1).add("approvals", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "onboarded_approver_certificate").add("name", "a@example.com"))).build()))).code());
    }
}
