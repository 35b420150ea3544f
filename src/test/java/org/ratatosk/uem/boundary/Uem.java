package org.ratatosk.uem.boundary;

import java.util.UUID;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;

/** The test server's UEM connector settings (arquillian.xml) and shortcuts over {@link UemClient}. */
final class Uem {

    static final String USER = "uem";
    static final String PASSWORD = "test-uem-secret";
    static final String CUSTOM_PREFIX = "/hermod/custom";
    static final String DEFAULT_PREFIX = "/hermod/rest/uem";
    static final String ADMIN = UemClient.basic(Server.ADMIN_USER, Server.ADMIN_PASSWORD);

    private Uem() {
    }

    static UemClient client() {
        return client(DEFAULT_PREFIX);
    }

    static UemClient client(String prefix) {
        return new UemClient(Server.HTTP, Server.baseUrl() + prefix, UemClient.basic(USER, PASSWORD));
    }

    static String newUser() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    static String reqId() {
        return UUID.randomUUID().toString();
    }

    /** A fresh one-time password for {@code user}. */
    static String otp(String user, long validitySeconds) {
        return UemClient.issueOtp(Server.HTTP, Server.baseUrl(), ADMIN, user, "{\"validitySeconds\":" + validitySeconds + "}")
                .expectOk("issue otp").string("otp");
    }

    static String otp(String user) {
        return otp(user, 600);
    }

    static void assertFailure(Reply reply, String reqId, String failureInfo) {
        org.junit.jupiter.api.Assertions.assertEquals(200, reply.status(), reply.toString());
        org.junit.jupiter.api.Assertions.assertEquals("failure", reply.string("status"), reply.toString());
        org.junit.jupiter.api.Assertions.assertEquals(reqId, reply.string("reqId"), reply.toString());
        org.junit.jupiter.api.Assertions.assertEquals(failureInfo, reply.string("failureInfo"), reply.toString());
        org.junit.jupiter.api.Assertions.assertEquals(3, reply.body().size(), reply.toString());
    }
}
