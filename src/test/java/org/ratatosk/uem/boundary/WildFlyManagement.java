package org.ratatosk.uem.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/** System properties through WildFly's native management API. */
final class WildFlyManagement implements ServerManagement {

    private final ModelControllerClient client;

    private WildFlyManagement(ModelControllerClient client) {
        this.client = client;
    }

    static WildFlyManagement connect(int port) {
        try {
            return new WildFlyManagement(ModelControllerClient.Factory.create(InetAddress.getByName("127.0.0.1"), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void add(String name, String value) {
        ModelNode add = operation("add", name);
        add.get("value").set(value);
        execute(add);
    }

    @Override
    public void write(String name, String value) {
        ModelNode write = operation("write-attribute", name);
        write.get("name").set("value");
        write.get("value").set(value);
        execute(write);
    }

    @Override
    public void remove(String name) {
        execute(operation("remove", name));
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
