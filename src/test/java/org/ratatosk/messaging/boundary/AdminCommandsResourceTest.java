package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.ApiException;

class AdminCommandsResourceTest {

    @Test
    void stateIsAnyStateInAnyCase() {
        assertNull(AdminCommandsResource.state(null));
        assertNull(AdminCommandsResource.state(""));
        assertEquals(CommandState.IN_PROGRESS, AdminCommandsResource.state("in_progress"));
        assertEquals(CommandState.EXPIRED, AdminCommandsResource.state("EXPIRED"));
        ApiException refused = assertThrows(ApiException.class, () -> AdminCommandsResource.state("DONE"));
        assertEquals(400, refused.status());
        assertEquals("INVALID_FIELD", refused.code());
    }

    @Test
    void typeIsACommandTypeOrItsPath() {
        assertNull(AdminCommandsResource.type(null));
        assertEquals(CommandType.SPIN, AdminCommandsResource.type("startpinreset"));
        assertEquals(CommandType.SPIN, AdminCommandsResource.type("SPIN"));
        assertEquals(CommandType.PROV, AdminCommandsResource.type("Provision"));
        assertEquals(CommandType.CERT, AdminCommandsResource.type("cert"));
        assertEquals(400, assertThrows(ApiException.class, () -> AdminCommandsResource.type("reboot")).status());
    }

    @Test
    void limitIsOneToAThousandAndAHundredByDefaultAndAPageHoldsAHundredAtMost() {
        assertEquals(100, AdminCommandsResource.limit(null));
        assertEquals(1, AdminCommandsResource.limit("1"));
        assertEquals(100, AdminCommandsResource.limit("1000"));
        for (String bad : new String[] {"0", "-1", "1001", "ten", "1.5"}) {
            assertEquals(400, assertThrows(ApiException.class, () -> AdminCommandsResource.limit(bad)).status(), bad);
        }
    }
}
