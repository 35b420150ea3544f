package org.ratatosk.messaging.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ratatosk.messaging.control.Commands;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.ApiException;
import org.ratatosk.platform.Guarded;

/** Operator API: commands across all clients, newest first. */
@Path("admin/commands")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminCommandsResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Inject
    Commands commands;

    /** {@code type} is a commandType ({@code PROV}) or its path ({@code provision}). */
    @GET
    public JsonArray list(@QueryParam("state") String state, @QueryParam("type") String type,
                          @QueryParam("limit") String limit) {
        return commands.recent(state(state), type(type), limit(limit));
    }

    static CommandState state(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return CommandState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FIELD", "state must be one of " + Arrays.stream(CommandState.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static CommandType type(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return CommandType.fromPath(text.toLowerCase(Locale.ROOT))
                .or(() -> Arrays.stream(CommandType.values()).filter(t -> t.name().equalsIgnoreCase(text)).findFirst())
                .orElseThrow(() -> ApiException.badRequest("INVALID_FIELD", "type must be a command type such as PROV"
                        + " or its path such as provision"));
    }

    static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("INVALID_FIELD", "limit must be 1 to " + MAX_LIMIT);
    }
}
