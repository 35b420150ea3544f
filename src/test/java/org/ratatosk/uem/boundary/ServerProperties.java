package org.ratatosk.uem.boundary;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets system properties on the running test server through its management API, for settings
 * the server reads on each request; closing removes them again, so no test leaves them behind.
 */
public final class ServerProperties implements AutoCloseable {

    private final ServerManagement management;
    private final List<String> added = new ArrayList<>();

    private ServerProperties(ServerManagement management) {
        this.management = management;
    }

    public static ServerProperties open() {
        return new ServerProperties(ServerManagement.connect());
    }

    public ServerProperties set(String name, String value) {
        if (added.contains(name)) {
            management.write(name, value);
        } else {
            management.add(name, value);
            added.add(name);
        }
        return this;
    }

    public ServerProperties clear(String name) {
        if (added.remove(name)) {
            management.remove(name);
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
            management.close();
        }
    }
}
