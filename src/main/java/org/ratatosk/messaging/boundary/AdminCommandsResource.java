package org.ratatosk.messaging.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ratatosk.messaging.control.CommandFilter;
import org.ratatosk.messaging.control.Commands;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Page;
import org.ratatosk.platform.Paged;

/** Operator API: commands across all clients, newest first, a page at a time. */
@Path("admin/commands")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminCommandsResource {

    /** Limits up to 1000 were accepted before pages existed and still are; a page holds at most 100. */
    static final int MAX_LIMIT = 1000;
    static final int PAGE_SIZE = 100;

    @Inject
    Commands commands;

    @Context
    UriInfo uri;

    /** {@code type} is a commandType ({@code PROV}) or its path ({@code provision}); {@code from}, {@code to} ISO-8601 instants. */
    @GET
    @Paged
    public Response list(@QueryParam("state") String state, @QueryParam("type") String type,
                         @QueryParam("clientId") String clientId, @QueryParam("user") String user,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("limit") String limit, @QueryParam("after") String after) {
        CommandFilter filter = new CommandFilter(state(state), type(type), text("clientId", clientId, 128),
                text("user", user, 256), instant("from", from), instant("to", to));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw InvalidInput.field("from must be before to");
        }
        return commands.recent(filter, after, limit(limit)).response(uri);
    }

    /** The rows of one page: 1 to 1000 is accepted, as before pages, and at most 100 are served. */
    static int limit(String text) {
        return Math.min(PAGE_SIZE, Page.limit(text, MAX_LIMIT));
    }

    static CommandState state(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return CommandState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("state must be one of " + Arrays.stream(CommandState.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static CommandType type(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return CommandType.fromPath(text.toLowerCase(Locale.ROOT))
                .or(() -> Arrays.stream(CommandType.values()).filter(t -> t.name().equalsIgnoreCase(text)).findFirst())
                .orElseThrow(() -> InvalidInput.field("type must be a command type such as PROV"
                        + " or its path such as provision"));
    }

    static String text(String name, String text, int maxLength) {
        if (text == null) {
            return null;
        }
        if (text.isBlank() || text.length() > maxLength) {
            throw InvalidInput.field(name + " must be 1 to " + maxLength + " characters");
        }
        return text;
    }

    static Instant instant(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInput.field(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
