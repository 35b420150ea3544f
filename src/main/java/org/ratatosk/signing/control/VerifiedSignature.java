package org.ratatosk.signing.control;

/** A signed answer that verified: the profile key that made it and its signature's fingerprint. */
public record VerifiedSignature(String keyId, String fingerprint) {
}
