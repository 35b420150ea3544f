package org.ratatosk.uem.boundary;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS to the test server, whose listener server-config/test-tls.sh set up with a test CA:
 * clients that trust that CA and present one of its client certificates, or none.
 */
public final class TestTls {

    static final String PASSWORD = "test-tls-secret";
    public static final String ACCEPTED_SUBJECT = "CN=uem-test-client,O=Ratatosk Test";

    private TestTls() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("hermod.test.tls.dir", "target/test-tls"));
    }

    public static String baseUrl() {
        int port = Integer.getInteger("hermod.test.tls.port", 8443 + Integer.getInteger("hermod.test.port.offset", 200));
        return "https://127.0.0.1:" + port;
    }

    /** {@code clientKeyStore} is "client", "intruder" or null for no client certificate. */
    public static HttpClient client(String clientKeyStore) throws Exception {
        KeyStore trust = load("truststore");
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(clientKeyStore == null ? null : load(clientKeyStore), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(clientKeyStore == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static KeyStore load(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir().resolve(name + ".p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
