package org.ratatosk.devicesim;

/** Ways a signed answer (sign or authenticate) can be wrong, one per check the server makes. */
public enum SignFault {
    /** Signed with a fresh key the profile never proved, under the right keyid. */
    WRONG_KEY,
    /** Signs other data than the command's tbs. */
    CHANGED_TBS,
    /** Answers in the other format (JWS for pkcs7, CMS for jws). */
    WRONG_FORMAT,
    /** The JWS names a keyid the profile does not hold. */
    UNKNOWN_KID
}
