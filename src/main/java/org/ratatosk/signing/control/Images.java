package org.ratatosk.signing.control;

import java.util.Base64;

/** Images shown to the user must really be JPEG or PNG: checked by their magic bytes. */
final class Images {

    static final int MAX_IMAGE_BYTES = 256 * 1024;
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private Images() {
    }

    static void requireJpegOrPng(String base64, String where) {
        byte[] bytes;
        try {
            bytes = decodeBase64(base64);
        } catch (IllegalArgumentException e) {
            throw SignRequest.invalid(where + " is not valid base64");
        }
        requireJpegOrPng(bytes, null, where);
    }

    /** Strict base64: line breaks are allowed (PEM-style wrapping), other stray characters are not. */
    static byte[] decodeBase64(String text) {
        return Base64.getDecoder().decode(text.replaceAll("[\\r\\n]", ""));
    }

    /** {@code contentType} null accepts either; {@code image/png} or {@code image/jpeg} require that one. */
    static void requireJpegOrPng(byte[] bytes, String contentType, String where) {
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw SignRequest.invalid(where + ": the image is larger than " + MAX_IMAGE_BYTES + " bytes");
        }
        boolean jpeg = startsWith(bytes, JPEG);
        boolean png = startsWith(bytes, PNG);
        boolean ok = contentType == null ? jpeg || png
                : switch (contentType) {
                    case "image/png" -> png;
                    case "image/jpeg", "image/jpg" -> jpeg;
                    default -> false;
                };
        if (!ok) {
            throw SignRequest.invalid(where + ": the image must be a base64 "
                    + (contentType == null || !(contentType.equals("image/png") || contentType.startsWith("image/jp"))
                    ? "JPEG or PNG" : contentType.substring(6).toUpperCase(java.util.Locale.ROOT)));
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
