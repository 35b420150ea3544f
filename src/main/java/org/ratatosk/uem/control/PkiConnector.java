package org.ratatosk.uem.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.logging.Logger;
import org.ratatosk.platform.Jsons;

/** The operations of BlackBerry UEM's PKI connector interface, by name. */
@ApplicationScoped
public class PkiConnector {

    private static final Logger LOG = Logger.getLogger(PkiConnector.class.getName());
    public static final String GET_INFO = "getInfo";
    public static final String GET_USER_KEY_PAIR = "getUserKeyPair";

    @Inject
    UserKeyPairs keyPairs;

    /** {@code body} is null for GET. Unknown operations get the seed's failure answer, as UEM reads it. */
    public JsonObject handle(String operation, String body) {
        if (GET_INFO.equals(operation)) {
            return Jsons.createObjectBuilder()
                    .add("operations", Jsons.createArrayBuilder().add(GET_INFO).add(GET_USER_KEY_PAIR))
                    .build();
        }
        if (GET_USER_KEY_PAIR.equals(operation)) {
            KeyPairRequest.Parsed parsed = KeyPairRequest.parse(body);
            if (parsed.refusal() != null) {
                LOG.info("UEM reqId " + parsed.refusal().reqId() + ": refused as " + parsed.refusal().failure().wireName());
                return parsed.refusal().toJson();
            }
            return keyPairs.getUserKeyPair(parsed.request()).toJson();
        }
        FailureInfo failure = operation == null || operation.isBlank() ? FailureInfo.BAD_REQUEST : FailureInfo.UNKNOWN_REQUEST;
        LOG.info("UEM operation '" + operation + "' refused as " + failure.wireName());
        return UemAnswer.failure(KeyPairRequest.reqIdOf(body), failure).toJson();
    }
}
