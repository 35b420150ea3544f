package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ratatosk.testsupport.Server;

/** The test server's Prometheus scrape, or any Prometheus text, as sample name (with labels) to value. */
public final class MetricsScrape {

    private MetricsScrape() {
    }

    public static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertTrue(after.containsKey(sample), sample + " not in the scrape: " + after.keySet());
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }

    public static Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = Server.HTTP.send(Server.request("/hermod/rest/metrics").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        List<String> type = List.of(response.headers().firstValue("Content-Type").orElse("").replace(" ", "").split(";"));
        assertEquals("text/plain", type.get(0));
        assertTrue(type.contains("version=0.0.4"), type.toString());
        return parse(response.body());
    }

    /** Prometheus text as sample name (with labels) to value, in the order of the text. */
    public static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }
}
