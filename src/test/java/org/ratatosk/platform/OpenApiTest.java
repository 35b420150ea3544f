package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiTest {

    @Path("things")
    @Produces("application/json;charset=UTF-8")
    @Consumes("application/json")
    public static class ThingsResource {
        @POST
        @Path("{kind: [a-z]+}")
        public JsonObject create(@HeaderParam("X-Api-Key") String key, @PathParam("kind") String kind, String body) {
            return null;
        }

        @GET
        public JsonArray list(@QueryParam("limit") String limit) {
            return null;
        }

        @GET
        @Path("{id}/picture")
        @Produces({"image/png", "image/svg+xml"})
        public byte[] picture(@PathParam("id") String id) {
            return null;
        }

        @GET
        @Path("{id}/wait")
        public void await(@PathParam("id") String id, @Suspended AsyncResponse response) {
        }

        public void notAResourceMethod() {
        }
    }

    @Path("admin/things/")
    @Guarded
    public static class AdminThingsResource {
        @DELETE
        @Path("/{id}")
        public void delete(@PathParam("id") String id) {
        }
    }

    @Test
    void templatesLoseTheirRegexAndSlashesAreNormalised() {
        assertEquals("/command/{type}", OpenApi.join("command", "{type: [a-z]+}"));
        assertEquals("/command/{id}/qr", OpenApi.join("/command/", "/{id}/qr/"));
        assertEquals("/health", OpenApi.join("health", ""));
        assertEquals("/", OpenApi.join("", ""));
    }

    @Test
    void everyResourceMethodBecomesAnOperation() {
        assertEquals(4, OpenApi.endpoints(ThingsResource.class).size());
        assertEquals(List.of(), OpenApi.endpoints(String.class));
        JsonObject paths = describe().getJsonObject("paths");
        assertEquals(List.of("/admin/things/{id}", "/things", "/things/{id}/picture", "/things/{id}/wait", "/things/{kind}"),
                List.copyOf(paths.keySet()));
        assertTrue(paths.getJsonObject("/admin/things/{id}").containsKey("delete"));
    }

    @Test
    void operationsDescribeParametersBodiesAndSecurity() {
        JsonObject paths = describe().getJsonObject("paths");
        JsonObject create = paths.getJsonObject("/things/{kind}").getJsonObject("post");
        assertEquals("kind", create.getJsonArray("parameters").getJsonObject(0).getString("name"));
        assertEquals("path", create.getJsonArray("parameters").getJsonObject(0).getString("in"));
        assertEquals(1, create.getJsonArray("parameters").size(), "the API key is a security scheme, not a parameter");
        assertTrue(create.getJsonObject("requestBody").getJsonObject("content").containsKey("application/json"));
        assertTrue(create.getJsonArray("security").getJsonObject(0).containsKey("apiKey"));
        assertEquals("object", create.getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("type"));

        JsonObject list = paths.getJsonObject("/things").getJsonObject("get");
        assertEquals("query", list.getJsonArray("parameters").getJsonObject(0).getString("in"));
        assertFalse(list.containsKey("requestBody"));
        assertFalse(list.containsKey("security"));

        JsonObject picture = paths.getJsonObject("/things/{id}/picture").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content");
        assertEquals("binary", picture.getJsonObject("image/png").getJsonObject("schema").getString("format"));
        assertTrue(picture.containsKey("image/svg+xml"));

        assertTrue(paths.getJsonObject("/things/{id}/wait").getJsonObject("get").getJsonObject("responses").containsKey("200"));
        assertFalse(paths.getJsonObject("/things/{id}/wait").getJsonObject("get").containsKey("requestBody"));
        JsonObject delete = paths.getJsonObject("/admin/things/{id}").getJsonObject("delete");
        assertTrue(delete.getJsonObject("responses").containsKey("204"));
        assertTrue(delete.getJsonArray("security").getJsonObject(0).containsKey("operator"));
    }

    @Path("admin/paged")
    @Guarded
    public static class PagedThingsResource {
        @jakarta.ws.rs.GET
        @Paged(items = "A thing: its name and size")
        public jakarta.ws.rs.core.Response list(@jakarta.ws.rs.QueryParam("limit") String limit,
                                                @jakarta.ws.rs.QueryParam("after") String after,
                                                @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
            return null;
        }

        @jakarta.ws.rs.GET
        @Path("session")
        public String session(@jakarta.ws.rs.CookieParam("HERMOD_CONSOLE") String token) {
            return null;
        }
    }

    @Test
    void pagedListsShowTheirArrayAndCursorHeadersAndTheOperatorMayUseTheConsoleCookie() {
        JsonObject document = OpenApi.describe(List.of(PagedThingsResource.class), "http://x/hermod/rest",
                Map.of(Guarded.class, "operator"));
        JsonObject list = document.getJsonObject("paths").getJsonObject("/admin/paged").getJsonObject("get");
        JsonObject ok = list.getJsonObject("responses").getJsonObject("200");
        JsonObject schema = ok.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
        assertEquals("array", schema.getString("type"));
        assertEquals("A thing: its name and size", schema.getJsonObject("items").getString("description"));
        assertTrue(ok.getJsonObject("headers").containsKey("Hermod-Next-Cursor"));
        assertTrue(ok.getJsonObject("headers").containsKey("Link"));
        assertEquals(List.of("limit", "after"), list.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("name")).toList());
        assertTrue(list.getJsonArray("security").getJsonObject(0).containsKey("operator"));
        assertTrue(list.getJsonArray("security").getJsonObject(1).containsKey("console"));
        JsonObject console = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("console");
        assertEquals("cookie", console.getString("in"));
        assertEquals("HERMOD_CONSOLE", console.getString("name"));
        JsonObject cookie = document.getJsonObject("paths").getJsonObject("/admin/paged/session").getJsonObject("get")
                .getJsonArray("parameters").getJsonObject(0);
        assertEquals("cookie", cookie.getString("in"));
    }

    private static JsonObject describe() {
        return OpenApi.describe(List.of(ThingsResource.class, AdminThingsResource.class), "http://x/hermod/rest",
                Map.of(Guarded.class, "operator"));
    }
}
