package org.ratatosk.devicesim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Changes one byte of a signed compact JWS while keeping header and payload valid JSON, so a server
 * that refuses the result can only be refusing it for the broken signature, not for a parse error.
 */
final class Tampering {

    private Tampering() {
    }

    /** Changes the first letter of the string value of {@code member} in segment {@code index} (0 or 1). */
    static String tamperJsonMember(String compact, int index, String member) {
        String[] parts = compact.split("\\.", -1);
        byte[] json = decode(parts[index]);
        String text = new String(json, StandardCharsets.UTF_8);
        String marker = "\"" + member + "\":\"";
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("no string member " + member + " in segment " + index);
        }
        int pos = at + marker.length();
        char c = text.charAt(pos);
        char swapped = c == 'x' ? 'y' : 'x';
        parts[index] = encode((text.substring(0, pos) + swapped + text.substring(pos + 1)).getBytes(StandardCharsets.UTF_8));
        return String.join(".", parts);
    }

    /** Flips the bits of the middle byte of the signature. */
    static String tamperSignature(String compact) {
        String[] parts = compact.split("\\.", -1);
        byte[] signature = decode(parts[2]);
        signature[signature.length / 2] ^= (byte) 0xFF;
        parts[2] = encode(signature);
        return String.join(".", parts);
    }

    private static byte[] decode(String segment) {
        return Base64.getUrlDecoder().decode(segment);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
