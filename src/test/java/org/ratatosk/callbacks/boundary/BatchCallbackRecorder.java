package org.ratatosk.callbacks.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application server's callback endpoint inside the test deployment, for in-container tests:
 * refuses the first POST of every delivery id with 503, accepts the ones after it, and keeps what
 * arrived per command.
 */
@WebServlet("/batch-callbacks/*")
public class BatchCallbackRecorder extends HttpServlet {

    /** One POST: its delivery id, the state it told, and the status it was answered. */
    record Post(String deliveryId, String state, int status) {
    }

    private static final Map<String, List<Post>> BY_COMMAND = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> POSTS_BY_DELIVERY = new ConcurrentHashMap<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject envelope = Json.createReader(request.getInputStream()).readObject();
        String deliveryId = String.valueOf(request.getHeader("X-Hermod-Delivery"));
        int status = POSTS_BY_DELIVERY.computeIfAbsent(deliveryId, id -> new AtomicInteger()).incrementAndGet() == 1 ? 503 : 204;
        BY_COMMAND.computeIfAbsent(envelope.getString("commandId"), id -> new CopyOnWriteArrayList<>())
                .add(new Post(deliveryId, envelope.getString("state"), status));
        response.setStatus(status);
    }

    /** The POSTs about the command so far, in the order they arrived. */
    static List<Post> posts(String commandId) {
        return List.copyOf(BY_COMMAND.getOrDefault(commandId, List.of()));
    }
}
