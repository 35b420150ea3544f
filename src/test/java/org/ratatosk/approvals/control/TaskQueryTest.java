package org.ratatosk.approvals.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.approvals.entity.KeyRequest;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;

/** Paging and filters of TSB's filtered approval task calls, with the bodies its tutorials send. */
class TaskQueryTest {

    static final List<KeyRequest> FIVE = IntStream.range(0, 5).mapToObj(i -> new KeyRequest("r" + i, "k", "SIGN", "{}", "null",
            Instant.EPOCH.plusSeconds(i), Instant.EPOCH.plusSeconds(600))).toList();

    static JsonObject paging(int number, int size, String order) {
        return Json.createObjectBuilder().add("detailLevel", "level1").add("paging", Json.createObjectBuilder()
                .add("pageNumber", number).add("pageSize", size).add("sortOrder", order)).build();
    }

    static List<String> ids(List<KeyRequest> requests) {
        return requests.stream().map(KeyRequest::id).toList();
    }

    @Test
    void pagesCountFromZeroInEitherOrder() {
        assertEquals(List.of("r0"), ids(TaskQuery.of(paging(0, 1, "CREATION_DATE_ASC")).page(FIVE)));
        assertEquals(List.of("r2", "r3"), ids(TaskQuery.of(paging(1, 2, "CREATION_DATE_ASC")).page(FIVE)));
        assertEquals(List.of("r4"), ids(TaskQuery.of(paging(2, 2, "CREATION_DATE_ASC")).page(FIVE)));
        assertEquals(List.of(), ids(TaskQuery.of(paging(3, 2, "CREATION_DATE_ASC")).page(FIVE)));
        assertEquals(List.of("r4", "r3"), ids(TaskQuery.of(paging(0, 2, "CREATION_DATE_DESC")).page(FIVE)));
    }

    @Test
    void withoutPagingEveryTaskAtLevelOne() {
        TaskQuery query = TaskQuery.of(Json.createObjectBuilder().addNull("paging").addNull("id").addNull("requestId").build());
        assertEquals(5, query.page(FIVE).size());
        assertEquals("level1", query.detailLevel());
        assertTrue(query.selects("anything"));
    }

    @Test
    void taskIdBeforeRequestId() {
        TaskQuery query = TaskQuery.of(Json.createObjectBuilder().add("id", "r1").add("requestId", "r2").build());
        assertTrue(query.selects("r1"));
        assertEquals(false, query.selects("r2"));
        assertTrue(TaskQuery.of(Json.createObjectBuilder().add("requestId", "r2").build()).selects("r2"));
    }

    static List<JsonObject> badPaging() {
        return List.of(paging(-1, 1, "CREATION_DATE_ASC"), paging(0, 0, "CREATION_DATE_ASC"),
                paging(0, 1001, "CREATION_DATE_ASC"), paging(0, 1, "LAST_FETCHED_DATE_ASC"), paging(0, 1, "SIDEWAYS"),
                Json.createObjectBuilder().add("detailLevel", "level9").build(),
                Json.createObjectBuilder().add("paging", 3).build());
    }

    @ParameterizedTest
    @MethodSource("badPaging")
    void badPagingIsRefused(JsonObject body) {
        assertEquals(400, assertThrows(DomainException.class, () -> TaskQuery.of(body), body.toString()).code().status());
    }

    @Test
    void pageNumbersBeyondTheLastPossiblePageNameTheRange() {
        assertEquals(List.of(), ids(TaskQuery.of(paging(TaskQuery.MAX_PAGE_NUMBER, 1000, "CREATION_DATE_DESC")).page(FIVE)));
        for (long number : new long[] {-1, TaskQuery.MAX_PAGE_NUMBER + 1L, 99_999_999_999L, Long.MAX_VALUE}) {
            JsonObject body = Json.createObjectBuilder().add("paging", Json.createObjectBuilder().add("pageNumber", number)).build();
            DomainException refused = assertThrows(DomainException.class, () -> TaskQuery.of(body), String.valueOf(number));
            assertEquals(ErrorCode.INVALID_FIELD, refused.code());
            assertEquals("'paging.pageNumber' must be between 0 and 2147483", refused.getMessage());
        }
    }

    /** The first fault of a filter, code and message, in the order its members are checked. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                                    | accepted
            {'id':null,'requestId':null,'detailLevel':null,'paging':null}         | accepted
            {'id':'r1','requestId':5}                                             | accepted
            {'id':5,'detailLevel':5}                                              | WRONG_TYPE: 'id' must be a string
            {'requestId':5,'detailLevel':5}                                       | WRONG_TYPE: 'requestId' must be a string
            {'requestId':'r','detailLevel':5,'paging':5}                          | WRONG_TYPE: 'detailLevel' must be a string
            {'detailLevel':'level6','paging':5}                                   | INVALID_FIELD: 'detailLevel' must be one of level1 to level5
            {'detailLevel':'LEVEL1'}                                              | INVALID_FIELD: 'detailLevel' must be one of level1 to level5
            {'detailLevel':'level5','paging':5}                                   | INVALID_FIELD: 'paging' must be an object
            {'paging':[]}                                                         | INVALID_FIELD: 'paging' must be an object
            {'paging':{}}                                                         | accepted
            {'paging':{'pageNumber':'x','pageSize':'y'}}                          | WRONG_TYPE: 'pageNumber' must be a whole number
            {'paging':{'pageNumber':-1,'pageSize':'y'}}                           | WRONG_TYPE: 'pageSize' must be a whole number
            {'paging':{'pageNumber':-1,'pageSize':0,'sortOrder':5}}               | INVALID_FIELD: 'paging.pageNumber' must be between 0 and 2147483
            {'paging':{'pageNumber':'2','pageSize':0,'sortOrder':5}}              | INVALID_FIELD: 'paging.pageSize' must be between 1 and 1000
            {'paging':{'pageSize':1001}}                                          | INVALID_FIELD: 'paging.pageSize' must be between 1 and 1000
            {'paging':{'pageSize':1000,'sortOrder':5}}                            | WRONG_TYPE: 'sortOrder' must be a string
            {'paging':{'sortOrder':'LAST_FETCHED_ASC'}}                           | INVALID_FIELD: 'paging.sortOrder' must be CREATION_DATE_ASC or CREATION_DATE_DESC
            {'paging':{'pageNumber':null,'pageSize':null,'sortOrder':null}}       | accepted
            """)
    void answersTheFirstFaultAsBefore(String body, String expected) {
        String answer;
        try {
            TaskQuery.of(Json.createReader(new java.io.StringReader(body.replace('\'', '"'))).readObject());
            answer = "accepted";
        } catch (DomainException e) {
            answer = e.code().name() + ": " + e.getMessage();
        }
        assertEquals(expected, answer, body);
    }
}
