package org.ratatosk.clients.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.platform.Secrets;

/**
 * The callback's Basic credentials of an API client are needed in the clear to call back, so they
 * cannot be hashed: they are kept sealed under a key derived from the server secret, which is not
 * in the database. A copy of the database alone does not reveal them.
 */
@ApplicationScoped
public class CallbackCredentials {

    /** The HKDF label of the key; another purpose gets an unrelated key from the same secret. */
    static final String PURPOSE = "ratatosk api-client callbackBasicAuth aes-256-gcm v1";

    @Inject
    Secrets secrets;

    private SealedSecret cipher;

    @PostConstruct
    void deriveKey() {
        cipher = new SealedSecret(secrets.hkdf(PURPOSE, 32));
    }

    public String seal(String clientId, String userAndPassword) {
        return cipher.seal(userAndPassword, owner(clientId));
    }

    /** The client's {@code user:password}, empty when it has none. */
    public Optional<String> open(ApiClient client) throws SealedSecret.Unreadable {
        if (client.sealedCallbackAuth() == null) {
            return Optional.empty();
        }
        return Optional.of(cipher.open(client.sealedCallbackAuth(), owner(client.clientId())));
    }

    static String owner(String clientId) {
        return "api_client/" + clientId + "/callbackBasicAuth";
    }
}
