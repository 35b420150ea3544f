package org.ratatosk.approvals.control;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ratatosk.approvals.entity.KeyRequest;
import org.ratatosk.platform.Bodies;

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

    static TaskQuery of(JsonObject body) {
        TaskQueryBodies.Filter filter = Bodies.bind(body, TaskQueryBodies.Filter.class);
        String id = filter.taskId();
        String detailLevel = filter.detailLevel() == null ? "level1" : filter.detailLevel();
        if (filter.paging() == null) {
            return new TaskQuery(id, detailLevel, 0, Integer.MAX_VALUE, false);
        }
        TaskQueryBodies.Paging page = Bodies.bind(filter.paging().asJsonObject(), TaskQueryBodies.Paging.class);
        long number = page.pageNumber() == null ? 0L : page.pageNumber();
        long size = page.pageSize() == null ? MAX_PAGE_SIZE : page.pageSize();
        return new TaskQuery(id, detailLevel, (int) number, (int) size, "CREATION_DATE_DESC".equals(page.sortOrder()));
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
