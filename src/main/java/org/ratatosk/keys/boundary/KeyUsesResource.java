package org.ratatosk.keys.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ratatosk.keys.control.BlockBodies;
import org.ratatosk.keys.control.CipherBodies;
import org.ratatosk.keys.control.Ciphers;
import org.ratatosk.keys.control.KeyChanges;
import org.ratatosk.keys.control.SignatureBodies;
import org.ratatosk.keys.control.Signatures;
import org.ratatosk.keys.control.WrapBodies;
import org.ratatosk.keys.control.Wraps;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.Role;
import org.ratatosk.platform.TsbErrors;

/** Uses of a key (Securosys TSB sign, verify, encrypt, decrypt, wrap, unwrap, block, unblock): key operation tokens' calls. */
@TsbErrors
@Path("v1")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Role.KEY_OPERATION)
public class KeyUsesResource {

    @Inject
    Signatures signatures;

    @Inject
    Ciphers ciphers;

    @Inject
    KeyChanges changes;

    @Inject
    Wraps wraps;

    @POST
    @Path("synchronousSign")
    public JsonObject sign(String body) {
        return signatures.sign(Bodies.read(body, SignatureBodies.Sign.class));
    }

    @POST
    @Path("sign")
    public JsonObject signLater(String body) {
        return signatures.submit(Bodies.read(body, SignatureBodies.Sign.class));
    }

    @POST
    @Path("decrypt")
    public JsonObject decryptLater(String body) {
        return ciphers.submit(Bodies.read(body, CipherBodies.Decrypt.class));
    }

    @POST
    @Path("block")
    public JsonObject block(String body) {
        return changes.tsbBlock(Bodies.read(body, BlockBodies.Block.class).keyName(), true, false);
    }

    @POST
    @Path("synchronousBlock")
    public JsonObject blockNow(String body) {
        return changes.tsbBlock(Bodies.read(body, BlockBodies.Block.class).keyName(), true, true);
    }

    @POST
    @Path("unblock")
    public JsonObject unblock(String body) {
        return changes.tsbBlock(Bodies.read(body, BlockBodies.Unblock.class).keyName(), false, false);
    }

    @POST
    @Path("synchronousUnblock")
    public JsonObject unblockNow(String body) {
        return changes.tsbBlock(Bodies.read(body, BlockBodies.Unblock.class).keyName(), false, true);
    }

    @POST
    @Path("verify")
    public JsonObject verify(String body) {
        return signatures.verify(Bodies.read(body, SignatureBodies.Verify.class));
    }

    @POST
    @Path("encrypt")
    public JsonObject encrypt(String body) {
        return ciphers.encrypt(Bodies.read(body, CipherBodies.Encrypt.class));
    }

    @POST
    @Path("synchronousDecrypt")
    public JsonObject decrypt(String body) {
        return ciphers.decrypt(Bodies.read(body, CipherBodies.Decrypt.class));
    }

    @POST
    @Path("wrap")
    public JsonObject wrap(String body) {
        return wraps.wrap(Bodies.read(body, WrapBodies.Wrap.class));
    }

    @POST
    @Path("unwrap")
    public JsonObject unwrapLater(String body) {
        return wraps.submitUnwrap(Bodies.read(body, WrapBodies.Unwrap.class));
    }

    @POST
    @Path("synchronousUnwrap")
    public Response unwrap(String body) {
        return Response.status(Response.Status.CREATED).entity(wraps.unwrap(Bodies.read(body, WrapBodies.Unwrap.class))).build();
    }
}
