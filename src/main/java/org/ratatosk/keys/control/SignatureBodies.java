package org.ratatosk.keys.control;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Base64;
import java.util.Locale;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.tokens.control.SignatureScheme;

/**
 * TSB's sign and verify bodies, as far as they are read before the key: the request object and
 * the key it names, which both call {@code signKeyName}. The algorithm, the payload and the
 * signature are checked against the key once it is found, so they are read after it, each in the
 * step where it is checked.
 */
public final class SignatureBodies {

    private SignatureBodies() {
    }

    public record Sign(@NotNull(message = "'signRequest' is required and must be a JSON object") JsonObject signRequest) {
    }

    public record Verify(
            @NotNull(message = "'verifySignatureRequest' is required and must be a JSON object") JsonObject verifySignatureRequest) {
    }

    /**
     * The sign request as far as it is read before the key. TSB's {@code payloadType} ("UNSPECIFIED"
     * and the like) changes nothing here, but it is held to its type as every other member is.
     */
    public record SignRequest(@NotEmpty(message = "'signKeyName' is required") String signKeyName, String payloadType) {
    }

    public record SignKey(@NotEmpty(message = "'signKeyName' is required") String signKeyName) {
    }

    public record Algorithm(@NotEmpty(message = "'signatureAlgorithm' is required") String signatureAlgorithm) implements Bodies.Checked {

        @Override
        public void check(String component) {
            scheme();
        }

        SignatureScheme scheme() {
            return SignatureScheme.parse(signatureAlgorithm);
        }
    }

    /** DER unless the request asks for RAW, which an EC signature is then given as: r||s. */
    public record Format(String signatureType) implements Bodies.Checked {

        @Override
        public void check(String component) {
            raw();
        }

        boolean raw() {
            String type = signatureType == null ? "DER" : signatureType.toUpperCase(Locale.ROOT);
            if (!type.equals("DER") && !type.equals("RAW")) {
                throw new InvalidInput(ErrorCode.UNSUPPORTED_SIGNATURE_TYPE, "signatureType must be DER or RAW");
            }
            return type.equals("RAW");
        }
    }

    public record Payload(@NotEmpty(message = "'payload' is required") String payload) implements Bodies.Checked {

        @Override
        public void check(String component) {
            bytes();
        }

        byte[] bytes() {
            return base64(payload, "payload");
        }
    }

    public record Signature(@NotEmpty(message = "'signature' is required") String signature) implements Bodies.Checked {

        @Override
        public void check(String component) {
            bytes();
        }

        byte[] bytes() {
            return base64(signature, "signature");
        }
    }

    private static byte[] base64(String text, String field) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("'" + field + "' must be base64");
        }
    }
}
