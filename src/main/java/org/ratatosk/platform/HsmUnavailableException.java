package org.ratatosk.platform;

/** The HSM (or its PKCS#11 module) cannot be reached; answered as 503 HSM_UNAVAILABLE. */
public class HsmUnavailableException extends RuntimeException {

    public HsmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
