package org.ratatosk.keys.control;

import jakarta.validation.constraints.NotEmpty;

/**
 * TSB's plain certificate import: the key's label and its certificate as base64 DER or PEM. Both
 * are required before the key is looked up; what the certificate holds is checked against the key.
 */
public record CertificateImport(
        @NotEmpty(message = "'label' is required") String label,
        @NotEmpty(message = "'certificate' is required") String certificate) {
}
