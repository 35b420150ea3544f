package org.ratatosk.platform;

import jakarta.json.JsonArray;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One page of a list. The body stays the bare JSON array the list always answered, so existing
 * clients see no change; the cursor of the next page travels in {@code Hermod-Next-Cursor} and a
 * {@code Link rel="next"} with the request's own path and filters, only when more rows follow.
 */
public record Page(JsonArray items, String nextCursor) {

    public static final String NEXT_CURSOR = "Hermod-Next-Cursor";
    public static final int DEFAULT_LIMIT = 100;

    /** {@code limit} as 1 to {@code max}, {@link #DEFAULT_LIMIT} when absent; 400 {@code INVALID_FIELD} otherwise. */
    public static int limit(String text, int max) {
        if (text == null || text.isEmpty()) {
            return Math.min(DEFAULT_LIMIT, max);
        }
        String trimmed = text.trim();
        if (trimmed.matches("[0-9]{1,9}")) {
            int limit = Integer.parseInt(trimmed);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        }
        throw InvalidInput.field("limit must be 1 to " + max);
    }

    public Response response(UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(items);
        if (nextCursor != null) {
            response.header(NEXT_CURSOR, nextCursor).header("Link", "<" + nextLink(uri.getRequestUri().getRawPath(),
                    uri.getRequestUri().getRawQuery(), nextCursor) + ">; rel=\"next\"");
        }
        return response.build();
    }

    /** The request's path and query as it was sent, its {@code after} replaced by the next cursor. */
    static String nextLink(String path, String rawQuery, String cursor) {
        StringBuilder link = new StringBuilder(path).append('?');
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty() && !pair.equals("after") && !pair.startsWith("after=")) {
                    link.append(pair).append('&');
                }
            }
        }
        return link.append("after=").append(cursor).toString();
    }
}
