package org.ratatosk.messaging.entity;

import java.util.Arrays;
import java.util.Optional;

/** The command types of the Hermod API with their path, body key and response key. */
public enum CommandType {
    PROV("provision", "provCommand", "provResponse"),
    CERT("certificate", "certCommand", "certResponse"),
    SIGN("sign", "signCommand", "signResponse"),
    AUTH("authenticate", "authCommand", "authResponse"),
    DELETE("delete", "deleteCommand", "deleteResponse"),
    PING("ping", "pingCommand", "pingResponse"),
    SPIN("startpinreset", "spinCommand", "spinResponse"),
    EPIN("endpinreset", "epinCommand", "epinResponse");

    private final String path;
    private final String bodyKey;
    private final String responseKey;

    CommandType(String path, String bodyKey, String responseKey) {
        this.path = path;
        this.bodyKey = bodyKey;
        this.responseKey = responseKey;
    }

    public static Optional<CommandType> fromPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }

    public String path() {
        return path;
    }

    public String bodyKey() {
        return bodyKey;
    }

    public String responseKey() {
        return responseKey;
    }
}
