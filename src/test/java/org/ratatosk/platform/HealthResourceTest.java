package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthResourceTest {

    record Fixed(String name, Exception failure) implements HealthCheck {
        @Override
        public void check() throws Exception {
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Test
    void allUpIs200() {
        JsonObject body = HealthResource.report(List.of(new Fixed("database", null), new Fixed("messaging", null)));
        assertEquals(200, HealthResource.status(body));
        assertEquals("UP", body.getString("status"));
        assertEquals("UP", body.getJsonObject("checks").getJsonObject("database").getString("status"));
        assertEquals("UP", body.getJsonObject("checks").getJsonObject("messaging").getString("status"));
    }

    @Test
    void oneDownIs503NamingItWithoutItsMessage() {
        JsonObject body = HealthResource.report(List.of(new Fixed("database", null),
                new Fixed("hsm", new HsmUnavailableException("slot 0: CKR_TOKEN_NOT_PRESENT secret-pin-hint", null))));
        assertEquals(503, HealthResource.status(body));
        assertEquals("DOWN", body.getString("status"));
        assertEquals("UP", body.getJsonObject("checks").getJsonObject("database").getString("status"));
        JsonObject hsm = body.getJsonObject("checks").getJsonObject("hsm");
        assertEquals("DOWN", hsm.getString("status"));
        assertEquals("HsmUnavailableException", hsm.getString("reason"));
        assertFalse(body.toString().contains("secret-pin-hint"));
    }

    @Test
    void wrappedFailureIsNamedByItsCause() {
        JsonObject body = HealthResource.report(List.of(new Fixed("messaging",
                new jakarta.ejb.EJBException(new IllegalStateException("broker gone")))));
        assertEquals(503, HealthResource.status(body));
        assertEquals("IllegalStateException",
                body.getJsonObject("checks").getJsonObject("messaging").getString("reason"));
    }
}
