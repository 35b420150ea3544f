package org.ratatosk.keys.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.keys.control.KeyBodies;
import org.ratatosk.keys.control.KeyChanges;
import org.ratatosk.keys.control.Keys;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Page;
import org.ratatosk.platform.Paged;
import org.ratatosk.platform.Role;
import org.ratatosk.platform.TsbErrors;

/** Keys in the token (Securosys TSB /v1/key): the operator's and key management tokens' calls. */
@TsbErrors
@Path("v1/key")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Role.KEY_MANAGEMENT)
public class KeysResource {

    @Inject
    Keys keys;

    @Inject
    KeyChanges changes;

    @POST
    public JsonObject create(String body) {
        return keys.create(JsonBodies.parseObject(body));
    }

    /**
     * Labels: all of them, as TSB answers, when neither {@code limit} nor {@code after} is given, so
     * that a TSB client sees every key; else a page (1 to 100, 100 by default). The body stays TSB's
     * bare array either way.
     */
    @GET
    @Paged
    public Response list(@QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        if (limit == null && after == null) {
            return keys.list(null, ALL).response(uri);
        }
        return keys.list(after, Page.limit(limit, 100)).response(uri);
    }

    /** As many labels as a list without paging may hold (one more is asked of the database). */
    private static final int ALL = Integer.MAX_VALUE - 1;

    /** TSB's read of a key: body {"label"}. */
    @POST
    @Path("attributes")
    public JsonObject attributes(String body) {
        return keys.attributes(Bodies.read(body, KeyBodies.Named.class).label());
    }

    @GET
    @Path("{label}/attributes")
    public JsonObject attributesOf(@PathParam("label") String label) {
        return keys.attributes(label);
    }

    /** TSB's delete: body {"label"}; answers the label removed. */
    @POST
    @Path("deleteKey")
    public JsonObject deleteKey(String body) {
        String label = Bodies.read(body, KeyBodies.Named.class).label();
        keys.delete(label);
        return org.ratatosk.platform.Jsons.createObjectBuilder().add("label", label).build();
    }

    @GET
    @Path("{label}")
    public JsonObject get(@PathParam("label") String label) {
        return keys.get(label);
    }

    @DELETE
    @Path("{label}")
    public void delete(@PathParam("label") String label) {
        keys.delete(label);
    }

    /** Body {"certificate": "<PEM chain, the key's certificate first>"}. */
    @PUT
    @Path("{label}/certificate")
    public JsonObject replaceCertificate(@PathParam("label") String label, String body) {
        return keys.replaceCertificate(label, Bodies.read(body, KeyBodies.CertificateChain.class).certificate());
    }

    @PUT
    @Path("{label}/certificate")
    @Consumes({"application/x-pem-file", MediaType.TEXT_PLAIN})
    public JsonObject replaceCertificatePem(@PathParam("label") String label, String pem) {
        return keys.replaceCertificate(label, pem);
    }

    @POST
    @Path("{label}/block")
    public JsonObject block(@PathParam("label") String label) {
        return changes.block(label);
    }

    @POST
    @Path("{label}/unblock")
    public JsonObject unblock(@PathParam("label") String label) {
        return changes.unblock(label);
    }

    /** Body {"attributes": {...}}: attributes can only be made stricter. */
    @PUT
    @Path("{label}/attributes")
    public JsonObject modify(@PathParam("label") String label, String body) {
        return changes.modify(label, JsonBodies.parseObject(body));
    }
}
