package org.ratatosk.platform;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** The OpenAPI 3 description of every REST resource, without authentication. */
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class OpenApiResource {

    @Inject
    OpenApiDocument document;

    @Context
    ServletContext servletContext;

    @GET
    public JsonObject openApi() {
        return document.get(servletContext);
    }
}
