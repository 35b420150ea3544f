package org.ratatosk.provisioning.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.ratatosk.testsupport.Seeds;

/** Seed 000's captured provisioning command and answer, read from the shared seed file. */
final class SeedVectors {

    static final String PROFILE_ID = "3051e9f3-0e4d-436b-a512-2e18d8afe134";
    static final String BOX_URL = "https://ext-cod1.test.nexusgroup.com:20400/hermod/rest/ms/d07292df-f75c-4534-8567-642953b6d887";

    private SeedVectors() {
    }

    static String answerJws() {
        return Seeds.find("000", "\"data\" : \"(eyJ[^\"]+)\"", "the provisioning answer");
    }

    /** The Provisioning_cmd object of seed 000. */
    static JsonObject provisioningCommand() {
        String text = Seeds.read("000");
        int label = text.indexOf("Provisioning_cmd");
        if (label < 0) {
            throw new AssertionError("Seed 000 no longer holds the Provisioning_cmd object");
        }
        int start = text.indexOf('{', label);
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
