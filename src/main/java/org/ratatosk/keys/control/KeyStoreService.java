package org.ratatosk.keys.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Base64;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.tokens.control.CryptoToken;
import org.ratatosk.tokens.control.Tokens;

/** What the key store holds, and random bytes from the token's generator. */
@Stateless
public class KeyStoreService {

    static final int MAX_RANDOM = 4096;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tokens tokens;

    public JsonObject statistics() {
        CryptoToken token = tokens.token();
        token.check();
        long keys = em.createQuery("SELECT COUNT(k) FROM ManagedKey k", Long.class).getSingleResult();
        return Jsons.createObjectBuilder()
                .add("keyStore", token.kind())
                .add("totalNumberOfObjects", keys)
                .add("numberOfKeys", keys)
                .build();
    }

    public JsonObject random(String lengthText) {
        int length;
        try {
            length = Integer.parseInt(lengthText);
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 1 || length > MAX_RANDOM) {
            throw new InvalidInput(ErrorCode.INVALID_LENGTH, "The length must be 1 to " + MAX_RANDOM + " bytes");
        }
        return Jsons.createObjectBuilder()
                .add("random", Base64.getEncoder().encodeToString(tokens.token().random(length))).build();
    }
}
