package org.ratatosk.clients.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Cursor;
import org.ratatosk.platform.Hashes;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.NotFound;
import org.ratatosk.platform.Page;
import org.ratatosk.platform.Secrets;
import org.ratatosk.platform.Unauthenticated;

/** API clients: registration by the operator and authentication of their requests. */
@Stateless
public class ApiClients {

    private static final Logger LOG = Logger.getLogger(ApiClients.class.getName());
    static final int MIN_KEY_LENGTH = 16;
    static final String OPERATOR = "operator";
    static final int MAX_CALLBACK_AUTH_LENGTH = 256;
    /** The column's size: a longer URL would fail the write with a 500. */
    static final int MAX_CALLBACK_URL_LENGTH = 2048;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    AttestationKeys attestationKeys;

    @Inject
    AuditTrail audit;

    @Inject
    CallbackCredentials callbackCredentials;

    /**
     * Resolves {@code X-Api-Key: base64(clientId:key)}; 401 for anything that does not match. One
     * read, so no transaction of its own: every request of an application server passes here.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ApiClient authenticate(String header) {
        if (header == null || header.isBlank()) {
            throw new Unauthenticated("X-Api-Key header required");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Unauthenticated("X-Api-Key is not base64(clientId:key)");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new Unauthenticated("X-Api-Key is not base64(clientId:key)");
        }
        ApiClient client = em.find(ApiClient.class, decoded.substring(0, colon));
        if (client == null || !Hashes.matches(client.keyHash(), client.keySalt(), decoded.substring(colon + 1))) {
            throw new Unauthenticated("Unknown API client or wrong key");
        }
        return client;
    }

    /** The client id an {@code X-Api-Key} names, whether or not its key is right. */
    public static Optional<String> clientIdOf(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public JsonObject put(String clientId, JsonObject body) {
        if (clientId.length() > 128 || !clientId.matches("[A-Za-z0-9._@-]+")) {
            throw InvalidInput.field("clientId must be 1-128 of A-Z a-z 0-9 . _ @ -");
        }
        ApiClient existing = em.find(ApiClient.class, clientId);
        ClientRegistration registration = existing == null
                ? Bodies.bind(body, ClientRegistration.class, ClientRegistration.New.class)
                : Bodies.bind(body, ClientRegistration.class);
        String key = registration.key();
        String callbackUrl = registration.callbackUrl();
        String basicAuth = registration.callbackBasicAuth();
        JsonArray keys = registration.attestationKeys() == null ? JsonValue.EMPTY_JSON_ARRAY : registration.attestationKeys();
        List<String> thumbprints = new ArrayList<>();
        for (JsonValue value : keys) {
            thumbprints.add(attestationKeys.thumbprint(value));
        }
        ApiClient client = existing;
        boolean created = client == null;
        if (created) {
            client = new ApiClient(clientId);
        }
        // Without a key, an edit keeps the key, and the callback credentials unless the body names them.
        String salt = key == null ? client.keySalt() : Secrets.randomSalt();
        String sealedAuth = basicAuth != null ? callbackCredentials.seal(clientId, basicAuth)
                : key == null && !body.containsKey("callbackBasicAuth") ? client.sealedCallbackAuth() : null;
        client.replace(salt, key == null ? client.keyHash() : Hashes.saltedHash(salt, key), callbackUrl,
                sealedAuth, keys.toString(), String.join(" ", thumbprints), clock.instant());
        if (created) {
            em.persist(client);
        }
        audit.record(OPERATOR, "api-client", clientId, created ? "CREATED" : "REPLACED", Jsons.createObjectBuilder()
                .add("callbackUrl", callbackUrl == null ? "" : callbackUrl)
                .add("attestationKeys", thumbprints.size()).build());
        LOG.info((created ? "Created" : "Replaced") + " API client " + clientId);
        return view(client);
    }

    public JsonObject get(String clientId) {
        return view(find(clientId));
    }

    /** Clients by id, {@code limit} after the cursor's client. */
    public Page list(String after, int limit) {
        List<String> cursor = Cursor.decode(after, 1);
        var query = em.createQuery("SELECT c FROM ApiClient c" + (cursor == null ? "" : " WHERE c.clientId > :after")
                + " ORDER BY c.clientId", ApiClient.class).setMaxResults(limit + 1);
        if (cursor != null) {
            query.setParameter("after", cursor.get(0));
        }
        List<ApiClient> found = query.getResultList();
        JsonArrayBuilder all = Jsons.createArrayBuilder();
        found.stream().limit(limit).forEach(c -> all.add(view(c)));
        return new Page(all.build(), found.size() > limit ? Cursor.encode(found.get(limit - 1).clientId()) : null);
    }

    public void delete(String clientId) {
        em.remove(find(clientId));
        audit.record(OPERATOR, "api-client", clientId, "DELETED", null);
        LOG.info("Deleted API client " + clientId);
    }

    private ApiClient find(String clientId) {
        ApiClient client = em.find(ApiClient.class, clientId);
        if (client == null) {
            throw new NotFound("API client " + clientId);
        }
        return client;
    }

    /** The client as the operator sees it: never the key, nor the callback password. */
    private static JsonObject view(ApiClient client) {
        var view = Jsons.createObjectBuilder().add("clientId", client.clientId());
        if (client.callbackUrl() != null) {
            view.add("callbackUrl", client.callbackUrl());
        }
        view.add("callbackBasicAuth", client.hasCallbackAuth());
        view.add("attestationKeys", JsonBodies.parseStored("{\"k\":" + client.attestationKeys() + "}").getJsonArray("k"));
        view.add("updatedAt", client.updatedAt().toString());
        return view.build();
    }
}
