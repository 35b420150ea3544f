package org.ratatosk.clients.boundary;

import jakarta.enterprise.context.RequestScoped;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.platform.Unauthenticated;

/** The API client that {@link ApiClientFilter} authenticated for this request. */
@RequestScoped
public class CallingClient {

    private ApiClient client;

    void authenticated(ApiClient client) {
        this.client = client;
    }

    public ApiClient get() {
        if (client == null) {
            throw new Unauthenticated("X-Api-Key header required");
        }
        return client;
    }
}
