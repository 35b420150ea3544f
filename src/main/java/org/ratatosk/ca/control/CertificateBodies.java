package org.ratatosk.ca.control;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * TSB's certificate bodies as far as they are read before the key: the request object and the key
 * it names. The profile is read next, then, once its signature algorithm fits the key, the subject
 * or the CSR, each in the step where it is checked.
 */
public final class CertificateBodies {

    private CertificateBodies() {
    }

    public record CsrSign(@NotNull(message = "'csrSignRequest' is required and must be a JSON object") JsonObject csrSignRequest) {
    }

    public record SignCertificate(
            @NotNull(message = "'signCertificateRequest' is required and must be a JSON object") JsonObject signCertificateRequest) {
    }

    public record SelfSign(
            @NotNull(message = "'selfSignCertificateRequest' is required and must be a JSON object") JsonObject selfSignCertificateRequest) {
    }

    public record SignKey(@NotEmpty(message = "'signKeyName' is required") String signKeyName) {
    }

    /** TSB's name for the CSR of a sign request. */
    public record Csr(@NotEmpty(message = "'certificateSigningRequest' is required") String certificateSigningRequest) {
    }

    /** Seed 003's name for it. */
    public record SeedCsr(@NotEmpty(message = "'csr' is required") String csr) {
    }

    /** Where the subject's fields are, unless they are given at the top level. */
    public record Attributes(
            @NotNull(message = "'standardCertificateAttributes' is required and must be a JSON object") JsonObject standardCertificateAttributes) {
    }
}
