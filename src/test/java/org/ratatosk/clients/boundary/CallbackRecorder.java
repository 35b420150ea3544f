package org.ratatosk.clients.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ratatosk.testsupport.Await;

/**
 * An application server's callback endpoint inside the test deployment, for in-container tests:
 * keeps the Authorization header of each command's callback.
 */
@WebServlet("/test-callbacks/*")
public class CallbackRecorder extends HttpServlet {

    private static final Map<String, String> AUTHORIZATION_BY_COMMAND = new ConcurrentHashMap<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject envelope = Json.createReader(request.getInputStream()).readObject();
        AUTHORIZATION_BY_COMMAND.put(envelope.getString("commandId"), String.valueOf(request.getHeader("Authorization")));
        response.setStatus(204);
    }

    /** The Authorization header of the command's callback, once it arrived within the time. */
    static Optional<String> authorization(String commandId, long timeoutMillis) {
        return Optional.ofNullable(Await.until(Duration.ofMillis(timeoutMillis), Duration.ofMillis(50),
                () -> AUTHORIZATION_BY_COMMAND.get(commandId), received -> received != null));
    }
}
