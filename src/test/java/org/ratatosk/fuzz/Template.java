package org.ratatosk.fuzz;

import java.util.List;

/**
 * A valid request of one operation, which the fuzzer mutates: {@code body} is JSON text or null;
 * {@code uem} marks the UEM connector, which answers malformed bodies with 200 and a failureInfo.
 */
public record Template(String name, String method, String path, String query, List<String[]> headers, String body,
                       boolean uem) {

    public String target() {
        return query == null ? path : path + "?" + query;
    }
}
