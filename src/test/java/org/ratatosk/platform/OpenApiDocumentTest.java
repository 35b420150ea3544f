package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ratatosk.approvals.boundary.ReadableByApprovers;
import org.ratatosk.approvals.boundary.RequestsResource;
import org.ratatosk.audit.boundary.AuditResource;
import org.ratatosk.clients.boundary.ApiClientKey;
import org.ratatosk.messaging.boundary.CommandsResource;

/** The API description finds the guards on the resources by the security scheme each declares. */
class OpenApiDocumentTest {

    @Test
    void eachGuardOnTheResourcesStandsForItsScheme() {
        assertEquals(Map.of(Guarded.class, "operator", ReadableByApprovers.class, "operator", ApiClientKey.class, "apiKey"),
                OpenApiDocument.guards(List.of(AuditResource.class, RequestsResource.class, CommandsResource.class)));
        assertEquals(Map.of(), OpenApiDocument.guards(List.of(HealthResource.class)));
    }
}
