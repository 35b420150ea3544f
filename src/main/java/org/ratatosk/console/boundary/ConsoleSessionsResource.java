package org.ratatosk.console.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotEmpty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ratatosk.console.control.ConsoleSessions;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.OperatorCredentials;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.Jsons;

/**
 * The browser console signs in with a form rather than HTTP Basic, whose browser dialog a page
 * cannot control; the session then rides on an HttpOnly cookie. These operations check their
 * credentials themselves: signing in is what has none yet.
 */
@Path("admin/session")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ConsoleSessionsResource {

    @Inject
    ConsoleSessions sessions;

    @Inject
    Config config;

    @Context
    HttpServletRequest servletRequest;

    /** An operator's sign-in, both members required. */
    public record Credentials(@NotEmpty(message = "'user' is required") String user,
                              @NotEmpty(message = "'password' is required") String password) {
    }

    /** {@code {"user","password"}}: 200 with the CSRF token and the cookie, 401 (no challenge), 429 while locked out. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(String body) {
        Credentials credentials = Bodies.read(body, Credentials.class);
        ConsoleSessions.Active session = sessions.signIn(credentials.user(), credentials.password(),
                servletRequest.getRemoteAddr());
        return Response.ok(view(session)).header(HttpHeaders.SET_COOKIE, cookie(session.token(), null)).build();
    }

    @GET
    public JsonObject current(@CookieParam(ConsoleSessions.COOKIE) String token) {
        return view(sessions.find(token).orElseThrow(() -> OperatorCredentials.signInAgain("No console session; sign in")));
    }

    /** Signs out: the session is gone and the cookie cleared; a live session needs its CSRF token for this too. */
    @DELETE
    public Response signOut(@CookieParam(ConsoleSessions.COOKIE) String token,
                            @HeaderParam(ConsoleSessions.CSRF_HEADER) String csrf) {
        sessions.find(token).ifPresent(session -> ConsoleSessions.requireCsrf(session, csrf));
        sessions.signOut(token);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0)).build();
    }

    private static JsonObject view(ConsoleSessions.Active session) {
        return Jsons.createObjectBuilder().add("user", session.user()).add("csrfToken", session.csrfToken())
                .add("idleTimeoutSeconds", session.idleTimeoutSeconds()).build();
    }

    /** Written by hand: {@code SameSite} is not in every server's cookie class yet. */
    private String cookie(String value, Integer maxAge) {
        StringBuilder cookie = new StringBuilder(ConsoleSessions.COOKIE).append('=').append(value)
                .append("; Path=/hermod; HttpOnly; SameSite=Strict");
        if (maxAge != null) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        if (servletRequest.isSecure() || config.publicUrl().startsWith("https://")) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }
}
