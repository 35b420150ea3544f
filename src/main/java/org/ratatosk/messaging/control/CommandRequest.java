package org.ratatosk.messaging.control;

import jakarta.json.JsonObject;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.JsonBodies;

/**
 * A command to submit: its type, its header, its body and the whole request they came in, whose
 * canonical form makes an externalId's retry recognisable. Read from an API client's request, or
 * made by the server itself (an enrollment's certificate command) without going through text.
 */
public record CommandRequest(CommandType type, JsonObject header, JsonObject body, JsonObject whole) {

    /** The parts of a request as an API client sent it; 400 when the header or the type's body is missing. */
    public static CommandRequest read(CommandType type, JsonObject request) {
        JsonObject header = JsonBodies.requireObject(request, "commandHeader");
        JsonObject body = JsonBodies.requireObject(request, type.bodyKey());
        return new CommandRequest(type, header, body, request);
    }

    /** A request made of its header and body, as a client would have sent them. */
    public static CommandRequest of(CommandType type, JsonObject header, JsonObject body) {
        return new CommandRequest(type, header, body,
                Jsons.createObjectBuilder().add("commandHeader", header).add(type.bodyKey(), body).build());
    }
}
