package org.ratatosk.provisioning.control;

import java.util.Base64;
import java.util.regex.Pattern;
import org.ratatosk.platform.ErrorCode;

/**
 * Decoding of the base64 parts of devices' answers in which every character counts. The MIME
 * decoder and jose4j's base64url decoder skip what is outside the alphabet, so a signature with
 * "!!!" before it verified; here such text is refused, and an encoding has one spelling only
 * (no padding in base64url, no stray bits in the last character).
 */
public final class StrictBase64 {

    private static final Pattern URL_ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Pattern STANDARD_ALPHABET = Pattern.compile("[A-Za-z0-9+/]*(={0,2})");
    private static final Pattern LINE_BREAKS = Pattern.compile("\r?\n");

    private StrictBase64() {
    }

    /** Base64url without padding (RFC 7515 section 2), as in JWS parts and JWK members. */
    public static byte[] url(String text, String what) throws AnswerMalformed {
        if (text == null || !URL_ALPHABET.matcher(text).matches() || text.length() % 4 == 1) {
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
        String joined = text == null ? null : LINE_BREAKS.matcher(text).replaceAll("");
        if (joined == null || !STANDARD_ALPHABET.matcher(joined).matches() || joined.length() % 4 != 0) {
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
        if (text != null && URL_ALPHABET.matcher(text).matches() && (text.contains("-") || text.contains("_")
                || text.length() % 4 != 0)) {
            return url(text, what);
        }
        return standard(text, what);
    }
}
