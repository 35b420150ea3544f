package org.ratatosk.messaging.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.TreeMap;
import org.ratatosk.platform.Jsons;

/**
 * JSON with members sorted and numbers normalised, so that a retried request whose members come in
 * another order, or whose {@code 300} is now {@code 300.0}, is recognised as the same request.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String of(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject object) {
            out.append('{');
            boolean first = true;
            for (var member : new TreeMap<>(object).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(Jsons.createValue(member.getKey())).append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof JsonArray array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(array.get(i), out);
            }
            out.append(']');
        } else if (value instanceof JsonNumber number) {
            out.append(number.bigDecimalValue().stripTrailingZeros().toPlainString());
        } else if (value instanceof JsonString string) {
            out.append(string);
        } else {
            out.append(value);
        }
    }
}
