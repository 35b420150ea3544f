package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;

/** Each command type has exactly one set of rules, and only provisioning provisions. */
class CommandTypesTest {

    @Test
    void everyTypeHasRulesOfItsOwnType() {
        for (CommandType type : CommandType.values()) {
            assertEquals(type, CommandBodiesTest.RULES.of(type).type());
        }
    }

    @Test
    void onlyProvisioningProvisions() {
        for (CommandType type : CommandType.values()) {
            assertEquals(type == CommandType.PROV, CommandBodiesTest.RULES.of(type).provisions(), type.name());
        }
    }

    @Test
    void twoRulesForOneTypeAreRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> CommandTypes.of(new PingRules(), new PingRules()));
        assertTrue(refused.getMessage().startsWith("Two rules for command type PING"), refused.getMessage());
    }

    @Test
    void aTypeWithoutRulesIsNamed() {
        CommandTypes onlyPing = CommandTypes.of(new PingRules());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> onlyPing.of(CommandType.EPIN));
        assertEquals("No rules for command type EPIN", missing.getMessage());
    }

    @Test
    void deleteAndCertificateGoOnlyToTheNamedProfile() {
        List<Target> addressed = List.of(new Target("@alice", "p-1", null), new Target("@alice", "p-2", null));
        List<Target> chosen = new DeleteRules().targets(null, CommandBodiesTest.json("{'profileid':'p-2'}"), addressed);
        assertEquals(List.of("p-2"), chosen.stream().map(Target::profileId).toList());
        DomainException unknown = assertThrows(DomainException.class,
                () -> new DeleteRules().targets(null, CommandBodiesTest.json("{'profileid':'p-3'}"), addressed));
        assertEquals(422, unknown.code().status());
        assertEquals(ErrorCode.UNKNOWN_RECIPIENT, unknown.code());
        assertFalse(new PingRules().targets(null, CommandBodiesTest.json("{'profileid':'p-3'}"), addressed).isEmpty(),
                "a ping goes to every addressed profile");
    }
}
