package org.ratatosk.approvals.control;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Pattern;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/** The body of TSB's filtered approval task calls, as {@link TaskQuery} reads it. */
public final class TaskQueryBodies {

    private TaskQueryBodies() {
    }

    /** The filter: a task's {@code id}, read as {@code requestId} only when there is none. */
    public record Filter(
            String id,
            JsonValue requestId,
            @Pattern(regexp = "level[1-5]", message = "'detailLevel' must be one of level1 to level5") String detailLevel,
            JsonValue paging) implements Bodies.Checked {

        @Override
        public void check(String component) {
            if (component.equals("requestId") && id == null && requestId != null && !(requestId instanceof JsonString)) {
                throw new InvalidInput(ErrorCode.WRONG_TYPE, "'requestId' must be a string");
            }
            if (component.equals("paging") && paging != null && paging.getValueType() != JsonValue.ValueType.OBJECT) {
                throw InvalidInput.field("'paging' must be an object");
            }
        }

        /** The task asked for, under either name. */
        String taskId() {
            return id != null ? id : requestId instanceof JsonString named ? named.getString() : null;
        }
    }

    /** A page, its number and size checked together once both are read. */
    public record Paging(
            Long pageNumber,
            Long pageSize,
            @Pattern(regexp = "CREATION_DATE_(ASC|DESC)",
                    message = "'paging.sortOrder' must be CREATION_DATE_ASC or CREATION_DATE_DESC") String sortOrder) implements Bodies.Checked {

        @Override
        public void check(String component) {
            if (!component.equals("pageSize")) {
                return;
            }
            if (pageNumber != null && (pageNumber < 0 || pageNumber > TaskQuery.MAX_PAGE_NUMBER)) {
                throw InvalidInput.field("'paging.pageNumber' must be between 0 and " + TaskQuery.MAX_PAGE_NUMBER);
            }
            if (pageSize != null && (pageSize < 1 || pageSize > TaskQuery.MAX_PAGE_SIZE)) {
                throw InvalidInput.field("'paging.pageSize' must be between 1 and " + TaskQuery.MAX_PAGE_SIZE);
            }
        }
    }
}
