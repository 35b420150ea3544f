package org.ratatosk.keys.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.keys.control.KeyChanges;
import org.ratatosk.keys.control.PolicyChangeBodies;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.Role;
import org.ratatosk.platform.TsbErrors;

/** TSB's modify: a key's approval policy replaced, under its {@code ruleModify}; key management tokens' calls. */
@TsbErrors
@Path("v1")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Role.KEY_MANAGEMENT)
public class KeyPoliciesResource {

    @Inject
    KeyChanges changes;

    @POST
    @Path("modify")
    public JsonObject modifyLater(String body) {
        return changes.tsbModify(Bodies.read(body, PolicyChangeBodies.Modify.class), false);
    }

    @POST
    @Path("synchronousModify")
    public JsonObject modify(String body) {
        return changes.tsbModify(Bodies.read(body, PolicyChangeBodies.Modify.class), true);
    }
}
