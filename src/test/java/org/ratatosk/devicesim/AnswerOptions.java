package org.ratatosk.devicesim;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;

/** How a simulated device answers: which faults to build in, and the deviceinfo it reports. */
public record AnswerOptions(Set<Fault> faults, JsonObject deviceinfo) {

    public static final JsonObject DEFAULT_DEVICEINFO = Json.createObjectBuilder()
            .add("operatingsystem", "Linux (simulated)")
            .add("name", "Ratatosk simulated device")
            .add("model", "devicesim")
            .build();

    public AnswerOptions {
        faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    }

    public static AnswerOptions valid() {
        return new AnswerOptions(EnumSet.noneOf(Fault.class), DEFAULT_DEVICEINFO);
    }

    public static AnswerOptions with(Fault first, Fault... more) {
        return new AnswerOptions(EnumSet.of(first, more), DEFAULT_DEVICEINFO);
    }

    public AnswerOptions deviceinfo(JsonObject info) {
        return new AnswerOptions(faults, info);
    }

    public boolean has(Fault fault) {
        return faults.contains(fault);
    }
}
