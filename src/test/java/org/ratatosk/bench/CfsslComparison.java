package org.ratatosk.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Ratatosk's {@code /v1/certificate/sign} beside a peer built for the same job: CloudFlare's cfssl
 * ({@code cfssl serve}, Debian's {@code golang-cfssl}), with the same software RSA-2048 CA key, the
 * same certificate requests, the same load client and threads, one after the other in one run. The
 * CA key is made by Ratatosk in its software key store and handed to cfssl from that store, so the
 * server must run without an HSM on this machine (the Quick start's server does).
 * <p>
 * {@code mvn -Pbenchmark test-compile exec:java -Dbench.main=org.ratatosk.bench.CfsslComparison
 * -Dbench.url=http://127.0.0.1:8080 [-Dbench.keystore=data/wildfly/hermod/keys.p12 -Dbench.threads=8 -Dbench.certificates=2000]}
 */
public final class CfsslComparison {

    private CfsslComparison() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        settings.requireLoopback();
        int threads = Integer.getInteger("bench.threads", 8);
        int certificates = Integer.getInteger("bench.certificates", 2000);
        int warmup = Integer.getInteger("bench.warmup", 200);
        int cfsslPort = Integer.getInteger("bench.cfssl.port", 18888);
        Path keystore = Path.of(System.getProperty("bench.keystore", "data/wildfly/hermod/keys.p12"));
        Duration limit = settings.phaseLimit();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (settings.adminUser() + ":" + settings.adminPassword()).getBytes(StandardCharsets.UTF_8));

        String ca = "peer-ca-" + UUID.randomUUID();
        JsonObject key = CaBenchmark.post(http, settings.url(), auth, "key", Json.createObjectBuilder().add("label", ca)
                .add("algorithm", "RSA").add("keySize", 2048)
                .add("attributes", Json.createObjectBuilder().add("sign", true).add("destroyable", true)).build());
        if (!"software".equals(key.getString("token", ""))) {
            throw new IllegalStateException("the server keeps keys in its " + key.getString("token", "?")
                    + " token: this comparison needs its software key store (a server without an HSM)");
        }
        JsonObject selfSigned = CaBenchmark.post(http, settings.url(), auth, "certificate/selfsign",
                Json.createObjectBuilder().add("selfSignCertificateRequest", Json.createObjectBuilder()
                        .add("signKeyName", ca).add("validity", 365)
                        .add("standardCertificateAttributes", Json.createObjectBuilder().add("commonName", "Peer Bench CA"))
                        .add("keyUsage", Json.createArrayBuilder().add("KEY_CERT_SIGN"))
                        .add("basicConstraints", Json.createObjectBuilder().add("certificateAuthority", true))).build());
        String caCertificate = selfSigned.getString("certificate");

        Path dir = Files.createTempDirectory("cfssl-peer");
        Files.writeString(dir.resolve("ca.pem"), caCertificate);
        Files.writeString(dir.resolve("ca-key.pem"), pem("PRIVATE KEY", privateKey(keystore, ca).getEncoded()));
        List<String> bodies = CaBenchmark.csrBodies(ca, 16);
        List<String> csrs = new ArrayList<>();
        for (String body : bodies) {
            String der = Json.createReader(new java.io.StringReader(body)).readObject()
                    .getJsonObject("signCertificateRequest").getString("csr");
            csrs.add(Json.createObjectBuilder().add("certificate_request",
                    pem("CERTIFICATE REQUEST", Base64.getDecoder().decode(der))).build().toString());
        }
        System.out.printf(Locale.ROOT, "CA peer comparison: %d threads, %d certificates each, software RSA-2048 CA key '%s'%n",
                threads, certificates, ca);

        Workers.Task ratatosk = (worker, number) -> {
            JsonObject answer = CaBenchmark.post(http, settings.url(), auth, "certificate/sign",
                    Json.createReader(new java.io.StringReader(bodies.get(number % bodies.size()))).readObject());
            if (!answer.getString("certificate", "").startsWith("-----BEGIN CERTIFICATE-----")) {
                throw new IllegalStateException("no certificate: " + answer);
            }
        };
        Process cfssl = new ProcessBuilder(System.getProperty("bench.cfssl", "cfssl"), "serve", "-address", "127.0.0.1",
                "-port", Integer.toString(cfsslPort), "-ca", dir.resolve("ca.pem").toString(),
                "-ca-key", dir.resolve("ca-key.pem").toString(), "-loglevel", "3")
                .redirectErrorStream(true).redirectOutput(dir.resolve("cfssl.log").toFile()).start();
        try {
            String signUrl = "http://127.0.0.1:" + cfsslPort + "/api/v1/cfssl/sign";
            awaitListening(http, signUrl, cfssl);
            Workers.Task peer = (worker, number) -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(signUrl))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(csrs.get(number % csrs.size()))).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonObject answer = Json.createReader(new java.io.StringReader(response.body())).readObject();
                if (response.statusCode() != 200 || !answer.getBoolean("success", false)
                        || !answer.getJsonObject("result").getString("certificate", "").startsWith("-----BEGIN CERTIFICATE-----")) {
                    throw new IllegalStateException("cfssl: " + response.statusCode() + " " + response.body());
                }
            };
            ServerCost cost = new ServerCost(http, settings.url());
            Workers.run("warmup-cfssl", threads, warmup, limit, peer);
            Workers.Outcome cfsslOutcome = Workers.run("cfssl", threads, certificates, limit, peer);
            Workers.run("warmup-ratatosk", threads, warmup, limit, ratatosk);
            ServerCost.Reading before = cost.read();
            Workers.Outcome ratatoskOutcome = Workers.run("ratatosk", threads, certificates, limit, ratatosk);
            ServerCost.Reading after = cost.read();
            System.out.printf(Locale.ROOT, "cfssl serve /api/v1/cfssl/sign certificates/s:    %.1f (%d ok, %d failed)%n",
                    cfsslOutcome.perSecond(), cfsslOutcome.ok(), cfsslOutcome.failed());
            System.out.printf(Locale.ROOT, "Ratatosk /v1/certificate/sign certificates/s:     %.1f (%d ok, %d failed)%n",
                    ratatoskOutcome.perSecond(), ratatoskOutcome.ok(), ratatoskOutcome.failed());
            System.out.printf(Locale.ROOT, "Ratatosk / cfssl: %.2fx (target: at least 1.0x)%n",
                    ratatoskOutcome.perSecond() / cfsslOutcome.perSecond());
            System.out.println(ServerCost.line("certificate via /v1/certificate/sign, software key", before, after,
                    ratatoskOutcome.ok() + ratatoskOutcome.failed()));
        } finally {
            cfssl.destroy();
            CaBenchmark.send(http, HttpRequest.newBuilder(URI.create(settings.url() + "/hermod/rest/v1/key/" + ca))
                    .header("Authorization", auth).DELETE().build());
        }
    }

    /** The CA's private key from the server's software key store, opened with the password file beside it. */
    private static PrivateKey privateKey(Path keystore, String label) throws Exception {
        Path passwordFile = keystore.resolveSibling(keystore.getFileName() + ".password");
        char[] password = System.getProperty("bench.keystore.password",
                Files.exists(passwordFile) ? Files.readString(passwordFile, StandardCharsets.US_ASCII).trim() : "").toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        Key key = store.getKey(label, password);
        if (!(key instanceof PrivateKey privateKey)) {
            throw new IllegalStateException("no private key '" + label + "' in " + keystore + " (is -Dbench.keystore the server's?)");
        }
        return privateKey;
    }

    private static void awaitListening(HttpClient http, String url, Process cfssl) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!cfssl.isAlive()) {
                throw new IllegalStateException("cfssl serve exited with " + cfssl.exitValue());
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("cfssl serve did not listen on " + url);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
