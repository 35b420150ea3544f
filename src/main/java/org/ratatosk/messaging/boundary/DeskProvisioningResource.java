package org.ratatosk.messaging.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.messaging.control.OperatorCommands;
import org.ratatosk.platform.Guarded;

/**
 * Operator API: a provisioning in an API client's name, for a user enrolled at the operator's
 * desk. The operator holds no client's key (it is stored hashed), so this is the desk's way in.
 */
@Path("admin/clients/{clientId}/provision")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
public class DeskProvisioningResource {

    @Inject
    OperatorCommands commands;

    /** The body is the messaging API's {@code provision} body; the answer its envelope. */
    @POST
    public JsonObject provision(@PathParam("clientId") String clientId, String body) {
        return commands.provision(clientId, body);
    }
}
