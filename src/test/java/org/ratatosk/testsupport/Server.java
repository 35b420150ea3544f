package org.ratatosk.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.ratatosk.devicesim.AttestationKeys;
import org.ratatosk.devicesim.HermodClient;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.devicesim.SimulatedDevice;

/** The server under test as its clients see it: the built WAR, its URL, and fresh API clients. */
public final class Server {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-secret";
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Server() {
    }

    /** The built WAR, read once per test JVM; each deployment gets a copy to add its classes to. */
    private static WebArchive built;

    /**
     * The WAR exactly as built, so the tests check what ships. The archive is read once (17 MB, most
     * of it libraries) and copied for each test class: what a test adds stays in its copy. A copy
     * nothing was added to is deployed once for all the classes that call the server from outside
     * ({@link SharedDeployment}).
     */
    public static synchronized WebArchive war() {
        if (built == null) {
            built = ShrinkWrap.create(ZipImporter.class, "hermod.war")
                    .importFrom(new File(System.getProperty("hermod.war", "target/hermod.war")))
                    .as(WebArchive.class);
        }
        return built.shallowCopy().as(WebArchive.class);
    }

    /** Whether the archive is the WAR as built, with nothing a test added ({@link SharedDeployment} shares it). */
    static synchronized boolean isAsBuilt(Archive<?> archive) {
        return built != null && archive.getName().equals(built.getName())
                && archive.getContent().keySet().equals(built.getContent().keySet());
    }

    /**
     * The manually controlled container of the restart tests, WildFly's or Payara's: the one container
     * of their run (arquillian.launch), so their deployments need not name it.
     */
    public static String restartableContainer() {
        return System.getProperty("arquillian.launch", "wildfly-restartable");
    }

    public static String baseUrl() {
        return System.getProperty("hermod.test.url", "http://127.0.0.1:8280");
    }

    /** A new API client whose devices attest with the returned simulator's key. */
    public static Client newClient(String callbackUrl) {
        return newClient(callbackUrl, null);
    }

    /** As {@link #newClient(String)}, with the callback's Basic credentials ({@code user:password}). */
    public static Client newClient(String callbackUrl, String callbackBasicAuth) {
        KeyPair attestation = AttestationKeys.generate();
        String clientId = "client-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        HermodClient.createClient(HTTP, baseUrl(), ADMIN_USER, ADMIN_PASSWORD, clientId, key, callbackUrl, callbackBasicAuth,
                List.of(AttestationKeys.publicJwk(attestation))).expectOk("create client");
        return new Client(clientId, key, new HermodClient(HTTP, baseUrl(), clientId, key),
                new SimulatedDevice(attestation, HTTP));
    }

    public record Client(String clientId, String key, HermodClient api, SimulatedDevice device) {
    }

    public static Reply send(HttpRequest.Builder request) {
        return Reply.send(HTTP, request.timeout(Duration.ofSeconds(30)).build());
    }

    public static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl() + path));
    }

    public static JsonArray array(String raw) {
        return Json.createReader(new StringReader(raw)).readArray();
    }

    public static JsonObject object(String raw) {
        return Json.createReader(new StringReader(raw)).readObject();
    }
}
