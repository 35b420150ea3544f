package org.ratatosk.platform;

/**
 * Query parameters are taken as text and read here, because a JAX-RS conversion failure of an
 * {@code Integer} parameter is a 404 by the specification, and {@code ?wait=abc} is a bad request.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** {@code text} as a whole number from 0 to {@code max}; null when absent. */
    public static Integer upTo(String name, String text, int max) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.matches("[0-9]{1,9}")) {
            int value = Integer.parseInt(trimmed);
            if (value <= max) {
                return value;
            }
        }
        throw InvalidInput.field(name + " must be 0 to " + max + " seconds");
    }
}
