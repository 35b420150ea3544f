package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;

class AdminCommandsResourceTest {

    @Test
    void stateIsAnyStateInAnyCase() {
        assertNull(AdminCommandsResource.state(null));
        assertNull(AdminCommandsResource.state(""));
        assertEquals(CommandState.IN_PROGRESS, AdminCommandsResource.state("in_progress"));
        assertEquals(CommandState.EXPIRED, AdminCommandsResource.state("EXPIRED"));
        DomainException refused = assertThrows(DomainException.class, () -> AdminCommandsResource.state("DONE"));
        assertEquals(400, refused.code().status());
        assertEquals(ErrorCode.INVALID_FIELD, refused.code());
    }

    @Test
    void typeIsACommandTypeOrItsPath() {
        assertNull(AdminCommandsResource.type(null));
        assertEquals(CommandType.SPIN, AdminCommandsResource.type("startpinreset"));
        assertEquals(CommandType.SPIN, AdminCommandsResource.type("SPIN"));
        assertEquals(CommandType.PROV, AdminCommandsResource.type("Provision"));
        assertEquals(CommandType.CERT, AdminCommandsResource.type("cert"));
        assertEquals(400, assertThrows(DomainException.class, () -> AdminCommandsResource.type("reboot")).code().status());
    }

    @Test
    void limitIsOneToAThousandAndAHundredByDefaultAndAPageHoldsAHundredAtMost() {
        assertEquals(100, AdminCommandsResource.limit(null));
        assertEquals(1, AdminCommandsResource.limit("1"));
        assertEquals(100, AdminCommandsResource.limit("1000"));
        for (String bad : new String[] {"0", "-1", "1001", "ten", "1.5"}) {
            assertEquals(400, assertThrows(DomainException.class, () -> AdminCommandsResource.limit(bad)).code().status(), bad);
        }
    }
}
