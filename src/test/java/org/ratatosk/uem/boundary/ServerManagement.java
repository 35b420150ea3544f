package org.ratatosk.uem.boundary;

/** The test server's management API, as far as system properties go: WildFly's or Payara's. */
interface ServerManagement extends AutoCloseable {

    /** Payara when the build named the test domain's admin port, WildFly otherwise. */
    static ServerManagement connect() {
        Integer payaraAdminPort = Integer.getInteger("hermod.test.payara.admin.port");
        return payaraAdminPort != null ? new PayaraManagement(payaraAdminPort)
                : WildFlyManagement.connect(Integer.getInteger("hermod.test.management.port", 10190));
    }

    void add(String name, String value);

    void write(String name, String value);

    void remove(String name);

    @Override
    void close();
}
