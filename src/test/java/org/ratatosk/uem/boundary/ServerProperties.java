package org.ratatosk.uem.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * Sets system properties on the running test server through its management API, for settings
 * the server reads on each request; closing removes them again, so no test leaves them behind.
 */
public final class ServerProperties implements AutoCloseable {

    private final ModelControllerClient client;
    private final List<String> added = new ArrayList<>();

    private ServerProperties() throws IOException {
        client = ModelControllerClient.Factory.create(InetAddress.getByName("127.0.0.1"),
                Integer.getInteger("hermod.test.management.port", 10190));
    }

    public static ServerProperties open() {
        try {
            return new ServerProperties();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ServerProperties set(String name, String value) {
        if (added.contains(name)) {
            ModelNode write = operation("write-attribute", name);
            write.get("name").set("value");
            write.get("value").set(value);
            execute(write);
        } else {
            ModelNode add = operation("add", name);
            add.get("value").set(value);
            execute(add);
            added.add(name);
        }
        return this;
    }

    public ServerProperties clear(String name) {
        if (added.remove(name)) {
            execute(operation("remove", name));
        }
        return this;
    }

    @Override
    public void close() {
        try {
            for (String name : new ArrayList<>(added)) {
                clear(name);
            }
        } finally {
            try {
                client.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static ModelNode operation(String name, String property) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("system-property", property);
        return operation;
    }

    private void execute(ModelNode operation) {
        try {
            ModelNode result = client.execute(operation);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException("Management operation failed: " + result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
