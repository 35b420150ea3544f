package org.ratatosk.keys.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.approvals.control.KeyRequests;
import org.ratatosk.approvals.control.Rule;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.keys.entity.KeyAttributes;
import org.ratatosk.keys.entity.ManagedKey;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Refused;

/**
 * Blocking, unblocking and restricting a key, each under its own rule. Attributes only ever get
 * stricter, and a key that is not modifiable refuses every change.
 */
@Stateless
public class KeyChanges {

    private static final Logger LOG = Logger.getLogger(KeyChanges.class.getName());

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    Keys keys;

    @Inject
    KeyRequests requests;

    public JsonObject block(String label) {
        return submitOrApply(keys.require(label), KeyPolicy.Operation.BLOCK, JsonObject.EMPTY_JSON_OBJECT);
    }

    public JsonObject unblock(String label) {
        return submitOrApply(keys.require(label), KeyPolicy.Operation.UNBLOCK, JsonObject.EMPTY_JSON_OBJECT);
    }

    public JsonObject modify(String label, JsonObject body) {
        JsonObject attributes = Bodies.bind(body, AttributesChange.class).of(body);
        return submitOrApply(keys.require(label), KeyPolicy.Operation.MODIFY,
                Jsons.createObjectBuilder().add("attributes", attributes).build());
    }

    /**
     * TSB's block and unblock ({@code blockRequest.blockKeyName}, {@code unblockRequest.unblockKeyName}).
     * Synchronous: applied at once, refused when approvals are needed. Asynchronous: the answer
     * names a request, executed at once when no approval is needed.
     */
    public JsonObject tsbBlock(String keyName, boolean block, boolean synchronous) {
        String prefix = block ? "block" : "unblock";
        ManagedKey key = keys.require(keyName);
        KeyPolicy.Operation operation = block ? KeyPolicy.Operation.BLOCK : KeyPolicy.Operation.UNBLOCK;
        Rule rule = operation.ruleOf(KeyPolicy.fromStored(key.policy()));
        if (synchronous && rule.needsApproval()) {
            throw new Refused(ErrorCode.APPROVAL_REQUIRED, "Key '" + key.label() + "' is governed by approvals; use /v1/" + prefix);
        }
        JsonObject result = submitOrApply(key, operation, JsonObject.EMPTY_JSON_OBJECT);
        if (synchronous) {
            return result;
        }
        String id = result.containsKey("requestId") ? result.getString("requestId")
                : requests.executedAtOnce(key, operation, JsonObject.EMPTY_JSON_OBJECT, result.toString());
        return Jsons.createObjectBuilder().add(prefix + "KeyRequestId", id).build();
    }

    /**
     * TSB's modify ({@code modifyRequest.modifyKeyName} and {@code policy}): the key's rules are
     * replaced, with the approval of its current {@code ruleModify}. Its blocked state stays as it
     * is: block and unblock have rules of their own.
     */
    public JsonObject tsbModify(PolicyChangeBodies.Modify body, boolean synchronous) {
        JsonObject request = body.modifyRequest();
        if (request.get("keyPassword") instanceof jakarta.json.JsonArray password && !password.isEmpty()) {
            throw new InvalidInput(ErrorCode.KEY_PASSWORD_UNSUPPORTED, "Keys protected by a password are not supported");
        }
        ManagedKey key = keys.require(Bodies.bind(request, PolicyChangeBodies.ModifyKey.class).modifyKeyName());
        if (!request.containsKey("policy")) {
            throw InvalidInput.field("'policy' is required");
        }
        JsonObject payload = Jsons.createObjectBuilder()
                .add("policy", KeyPolicy.parse(request.get("policy")).toJson()).build();
        Rule rule = KeyPolicy.Operation.MODIFY.ruleOf(KeyPolicy.fromStored(key.policy()));
        if (synchronous && rule.needsApproval()) {
            throw new Refused(ErrorCode.APPROVAL_REQUIRED, "Key '" + key.label() + "' is governed by approvals; use /v1/modify");
        }
        JsonObject result = submitOrApply(key, KeyPolicy.Operation.MODIFY, payload);
        if (synchronous) {
            return result;
        }
        String id = result.containsKey("requestId") ? result.getString("requestId")
                : requests.executedAtOnce(key, KeyPolicy.Operation.MODIFY, payload, result.toString());
        return Jsons.createObjectBuilder().add("modifyKeyRequestId", id).build();
    }

    private JsonObject submitOrApply(ManagedKey key, KeyPolicy.Operation operation, JsonObject payload) {
        check(key, operation, payload);
        Rule rule = operation.ruleOf(KeyPolicy.fromStored(key.policy()));
        if (rule.needsApproval()) {
            return Jsons.createObjectBuilder().add("requestId", requests.submit(key, operation, payload, rule)).build();
        }
        ManagedKey locked = keys.lock(key.label());
        applyTo(locked, operation, payload);
        return KeyJson.render(locked);
    }

    /** Applies an approved change in a transaction of its own; the key as it is afterwards is the result. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String apply(String keyLabelId, KeyPolicy.Operation operation, JsonObject payload) {
        ManagedKey key = keys.lock(keyLabelId);
        applyTo(key, operation, payload);
        return KeyJson.render(key).toString();
    }

    private void applyTo(ManagedKey key, KeyPolicy.Operation operation, JsonObject payload) {
        check(key, operation, payload);
        Instant now = clock.instant();
        switch (operation) {
            case BLOCK -> key.block(now);
            case UNBLOCK -> key.unblock(now);
            case MODIFY -> {
                if (payload.containsKey("policy")) {
                    key.replacePolicy(KeyPolicy.parse(payload.get("policy")).toJson().toString(), now);
                } else {
                    key.restrict(proposed(key, payload), now);
                }
            }
            default -> throw new IllegalArgumentException(operation.name());
        }
        LOG.info("Key '" + key.label() + "': " + operation + " applied");
        audit.record("operator", "key", key.label(), operation.name(), null);
    }

    static void check(ManagedKey key, KeyPolicy.Operation operation, JsonObject payload) {
        switch (operation) {
            case BLOCK -> {
                if (key.blocked()) {
                    throw new Conflict(ErrorCode.KEY_BLOCKED, "Key '" + key.label() + "' is already blocked");
                }
            }
            case UNBLOCK -> {
                if (!key.blocked()) {
                    throw new Conflict(ErrorCode.KEY_NOT_BLOCKED, "Key '" + key.label() + "' is not blocked");
                }
            }
            case MODIFY -> {
                if (payload.containsKey("policy")) {
                    // TSB: 'modifiable' governs the attributes, not the policy, which its ruleModify guards.
                    return;
                }
                if (!key.attributes().modifiable()) {
                    throw new Refused(ErrorCode.KEY_NOT_MODIFIABLE, "Key '" + key.label() + "' is not modifiable");
                }
                KeyAttributes proposed = proposed(key, payload);
                if (!key.attributes().allowsRestrictionTo(proposed)) {
                    throw new Refused(ErrorCode.ATTRIBUTES_LOOSENED,
                            "Attributes of key '" + key.label() + "' can only be made stricter");
                }
            }
            default -> throw new IllegalArgumentException(operation.name());
        }
    }

    private static KeyAttributes proposed(ManagedKey key, JsonObject payload) {
        return KeyJson.attributes(Bodies.bind(payload, KeyBodies.Restriction.class).attributes(), key.attributes());
    }
}
