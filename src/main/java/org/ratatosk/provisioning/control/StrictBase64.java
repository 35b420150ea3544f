package org.ratatosk.provisioning.control;

import java.util.Base64;
import org.ratatosk.platform.ErrorCode;

/**
 * Decoding of the base64 parts of devices' answers in which every character counts. The MIME
 * decoder and jose4j's base64url decoder skip what is outside the alphabet, so a signature with
 * "!!!" before it verified; here such text is refused, and an encoding has one spelling only
 * (no padding in base64url, no stray bits in the last character).
 */
public final class StrictBase64 {

    private StrictBase64() {
    }

    /** Base64url without padding (RFC 7515 section 2), as in JWS parts and JWK members. */
    public static byte[] url(String text, String what) throws AnswerMalformed {
        if (text == null || !isUrlAlphabet(text) || text.length() % 4 == 1) {
            throw new AnswerMalformed(ErrorCode.INVALID_BASE64URL, what + " is not base64url: only A-Z a-z 0-9 - _, without padding");
        }
        byte[] decoded = Base64.getUrlDecoder().decode(text);
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(text)) {
            throw new AnswerMalformed(ErrorCode.INVALID_BASE64URL, what + " is not canonical base64url: its last character has stray bits");
        }
        return decoded;
    }

    /**
     * Base64 with its padding, as in CMS answers; line breaks between the characters are allowed,
     * since apps may wrap long values, anything else outside the alphabet is not.
     */
    public static byte[] standard(String text, String what) throws AnswerMalformed {
        String joined = text == null ? null : withoutLineBreaks(text);
        if (joined == null || !isStandardAlphabet(joined) || joined.length() % 4 != 0) {
            throw new AnswerMalformed(ErrorCode.INVALID_BASE64, what + " is not padded base64: only A-Z a-z 0-9 + / and = at the end");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(joined);
        } catch (IllegalArgumentException e) {
            throw new AnswerMalformed(ErrorCode.INVALID_BASE64, what + " is not base64: " + e.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(joined)) {
            throw new AnswerMalformed(ErrorCode.INVALID_BASE64, what + " is not canonical base64: its last character has stray bits");
        }
        return decoded;
    }

    /** Either alphabet, each by its own rules: base64url without padding or padded base64. */
    public static byte[] either(String text, String what) throws AnswerMalformed {
        if (text != null && isUrlAlphabet(text) && (text.contains("-") || text.contains("_")
                || text.length() % 4 != 0)) {
            return url(text, what);
        }
        return standard(text, what);
    }

    /*
     * The alphabets are checked a character at a time: these run over every CSR, key and signature
     * of every answer, where a regular expression cost several percent of a provisioning's CPU.
     */

    /** Only {@code A-Z a-z 0-9 - _}: the regular expression {@code [A-Za-z0-9_-]*}. */
    static boolean isUrlAlphabet(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAlphanumeric(c) && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** {@code A-Z a-z 0-9 + /}, then at most two {@code =}: the regular expression {@code [A-Za-z0-9+/]*(={0,2})}. */
    static boolean isStandardAlphabet(String text) {
        int end = text.length();
        for (int padding = 0; padding < 2 && end > 0 && text.charAt(end - 1) == '='; padding++) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (!isAlphanumeric(c) && c != '+' && c != '/') {
                return false;
            }
        }
        return true;
    }

    /** The text without its {@code \n} and {@code \r\n} line breaks; a lone {@code \r} stays. */
    static String withoutLineBreaks(String text) {
        if (text.indexOf('\n') < 0) {
            return text;
        }
        StringBuilder joined = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            joined.append(c);
        }
        return joined.toString();
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
