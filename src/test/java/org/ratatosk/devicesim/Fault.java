package org.ratatosk.devicesim;

/**
 * Ways a provisioning answer can be wrong, one per check of the contract's validation list, so a
 * test can show the server refuses each of them on its own.
 */
public enum Fault {
    /** The outer JWS header carries a nonce other than the command's. */
    WRONG_NONCE,
    /** A signed key's header carries a nonce other than the command's. */
    WRONG_SIGNED_KEY_NONCE,
    /** The outer JWS is made with a fresh key the API client never registered. */
    UNTRUSTED_ATTESTATION_KEY,
    /** The outer JWS is unsigned ({@code alg: none}). */
    ALG_NONE,
    /** Each signed key is signed by another key than the one it presents. */
    BROKEN_PROOF_OF_POSSESSION,
    /** The re-signed CSR names another subject than the dummy. */
    CSR_SUBJECT_CHANGED,
    /** The CSR is for another key than the signed key's JWK. */
    CSR_OTHER_KEY,
    /** The payload names a profile id other than the one the server assigned. */
    WRONG_PROFILE_ID,
    /** The payload names a user other than the command's. */
    WRONG_USERID,
    /** One byte of the outer header is changed after signing. */
    TAMPERED_HEADER,
    /** One byte of the outer payload is changed after signing. */
    TAMPERED_PAYLOAD,
    /** One byte of the outer signature is changed. */
    TAMPERED_SIGNATURE
}
