package org.ratatosk.approvals.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ratatosk.platform.Jsons;

/** The approvers' answers to a request, stored as a JSON array. */
final class Decisions {

    private Decisions() {
    }

    static List<Rule.Decision> parse(String json) {
        List<Rule.Decision> decisions = new ArrayList<>();
        for (JsonValue value : Jsons.createReader(new StringReader(json)).readArray()) {
            JsonObject decision = value.asJsonObject();
            decisions.add(new Rule.Decision(decision.getString("key"), decision.getBoolean("approve"),
                    Instant.parse(decision.getString("at"))));
        }
        return decisions;
    }

    static String format(List<Rule.Decision> decisions) {
        JsonArrayBuilder array = Jsons.createArrayBuilder();
        decisions.forEach(d -> array.add(Jsons.createObjectBuilder().add("key", d.approverKey())
                .add("approve", d.approve()).add("at", d.at().toString())));
        return array.build().toString();
    }
}
