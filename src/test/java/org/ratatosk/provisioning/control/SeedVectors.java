package org.ratatosk.provisioning.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Seed 000's captured provisioning command and answer, read from the shared seed file. */
final class SeedVectors {

    static final String PROFILE_ID = "3051e9f3-0e4d-436b-a512-2e18d8afe134";
    static final String BOX_URL = "https://ext-cod1.test.nexusgroup.com:20400/hermod/rest/ms/d07292df-f75c-4534-8567-642953b6d887";

    private SeedVectors() {
    }

    static String seed000() throws IOException {
        Path dir = Path.of(System.getProperty("seeds.dir", "../shared/seeds"));
        try (var files = Files.list(dir)) {
            Path seed = files.filter(p -> p.getFileName().toString().startsWith("000_")).findFirst()
                    .orElseThrow(() -> new IOException("seed 000 not found in " + dir));
            return Files.readString(seed);
        }
    }

    static String answerJws() throws IOException {
        Matcher m = Pattern.compile("\"data\" : \"(eyJ[^\"]+)\"").matcher(seed000());
        if (!m.find()) {
            throw new IOException("no provisioning answer in seed 000");
        }
        return m.group(1);
    }

    /** The Provisioning_cmd object of seed 000. */
    static JsonObject provisioningCommand() throws IOException {
        String text = seed000();
        int start = text.indexOf('{', text.indexOf("Provisioning_cmd"));
        int depth = 0;
        int end = start;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                end = i + 1;
                break;
            }
        }
        return Json.createReader(new StringReader(text.substring(start, end))).readObject();
    }
}
