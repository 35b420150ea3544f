package org.ratatosk.keys.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.keys.tsb.TsbClientCertificates;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.JsonBodies;

/** Operator API for the TLS client certificates TSB clients authenticate with, and their roles. */
@Path("admin/tsb-certificates")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
@Guarded
public class TsbCertificatesResource {

    @Inject
    TsbClientCertificates certificates;

    /** Body {"roles":["SERVICE",...],"certificate":"-----BEGIN CERTIFICATE-----..."}. */
    @PUT
    @Path("{name}")
    public JsonObject put(@PathParam("name") String name, String body) {
        return certificates.put(name, JsonBodies.parseObject(body));
    }

    @GET
    public JsonArray list() {
        return certificates.list();
    }

    @GET
    @Path("{name}")
    public JsonObject get(@PathParam("name") String name) {
        return certificates.get(name);
    }

    @DELETE
    @Path("{name}")
    public void delete(@PathParam("name") String name) {
        certificates.delete(name);
    }
}
