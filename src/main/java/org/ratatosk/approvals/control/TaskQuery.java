package org.ratatosk.approvals.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.ratatosk.approvals.entity.KeyRequest;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.JsonBodies;

/**
 * The filter and paging of TSB's filtered approval task calls: {@code id} (a task, which here is
 * its request), else {@code requestId}; {@code detailLevel}; {@code paging} with
 * {@code pageNumber} from 0, {@code pageSize} and {@code sortOrder}. Without paging every task is
 * answered. Sorting by when a task was last fetched is not kept and is refused.
 */
record TaskQuery(String id, String detailLevel, int pageNumber, int pageSize, boolean newestFirst) {

    static final int MAX_PAGE_SIZE = 1000;
    /** Where a page of the largest size still starts at an int. */
    static final int MAX_PAGE_NUMBER = Integer.MAX_VALUE / MAX_PAGE_SIZE;
    static final Set<String> DETAIL_LEVELS = Set.of("level1", "level2", "level3", "level4", "level5");

    static TaskQuery of(JsonObject body) {
        String id = JsonBodies.optionalString(body, "id").or(() -> JsonBodies.optionalString(body, "requestId")).orElse(null);
        String detailLevel = JsonBodies.optionalString(body, "detailLevel").orElse("level1");
        if (!DETAIL_LEVELS.contains(detailLevel)) {
            throw InvalidInput.field("'detailLevel' must be one of level1 to level5");
        }
        JsonValue paging = body.get("paging");
        if (paging == null || paging == JsonValue.NULL) {
            return new TaskQuery(id, detailLevel, 0, Integer.MAX_VALUE, false);
        }
        if (paging.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidInput.field("'paging' must be an object");
        }
        JsonObject page = paging.asJsonObject();
        long number = JsonBodies.optionalLong(page, "pageNumber").orElse(0L);
        long size = JsonBodies.optionalLong(page, "pageSize").orElse((long) MAX_PAGE_SIZE);
        if (number < 0 || number > MAX_PAGE_NUMBER) {
            throw InvalidInput.field("'paging.pageNumber' must be between 0 and " + MAX_PAGE_NUMBER);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidInput.field("'paging.pageSize' must be between 1 and " + MAX_PAGE_SIZE);
        }
        String order = JsonBodies.optionalString(page, "sortOrder").orElse("CREATION_DATE_ASC");
        if (!order.equals("CREATION_DATE_ASC") && !order.equals("CREATION_DATE_DESC")) {
            throw InvalidInput.field("'paging.sortOrder' must be CREATION_DATE_ASC or CREATION_DATE_DESC");
        }
        return new TaskQuery(id, detailLevel, (int) number, (int) size, order.endsWith("DESC"));
    }

    boolean selects(String requestId) {
        return id == null || id.equals(requestId);
    }

    /** The page asked for of tasks listed oldest first. */
    List<KeyRequest> page(List<KeyRequest> oldestFirst) {
        List<KeyRequest> ordered = new ArrayList<>(oldestFirst);
        if (newestFirst) {
            Collections.reverse(ordered);
        }
        long from = (long) pageNumber * pageSize;
        if (from >= ordered.size()) {
            return List.of();
        }
        return ordered.subList((int) from, (int) Math.min(ordered.size(), from + pageSize));
    }
}
