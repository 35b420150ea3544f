package org.ratatosk.devicesim;

import jakarta.json.JsonObject;

/** One line of a mailbox listing; {@code location} is where the device fetches and answers it. */
public record MailboxEntry(String mid, String commandType, String location, String expires) {

    static MailboxEntry of(JsonObject json) {
        return new MailboxEntry(json.getString("mid", null), json.getString("commandType", null),
                json.getString("location", null), stringOf(json, "expires"));
    }

    // The contract does not say whether expires is an ISO string or epoch number; keep either as text.
    private static String stringOf(JsonObject json, String name) {
        if (!json.containsKey(name) || json.isNull(name)) {
            return null;
        }
        return json.get(name) instanceof jakarta.json.JsonString s ? s.getString() : json.get(name).toString();
    }
}
