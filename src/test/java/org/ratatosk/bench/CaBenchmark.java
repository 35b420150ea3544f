package org.ratatosk.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Certificates issued per second through /v1/certificate/sign by an RSA-2048 CA key in SoftHSM2
 * under a rule that needs no approval, beside the raw SunPKCS11 RSA-2048 signing rate of the same
 * token measured in this process with the same number of threads.
 *
 * <p>Run against a server whose token is the SoftHSM2 token named by {@code bench.pkcs11.config};
 * this process needs the same {@code SOFTHSM2_CONF} for the raw rate:
 * <pre>
 * SOFTHSM2_CONF=.../softhsm2.conf mvn -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ratatosk.bench.CaBenchmark -Dbench.url=http://127.0.0.1:8080 \
 *     -Dbench.pkcs11.config=.../pkcs11.cfg -Dbench.pkcs11.pin-file=.../pin -Dbench.threads=8
 * </pre>
 */
public final class CaBenchmark {

    private CaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        settings.requireLoopback();
        int threads = Integer.getInteger("bench.threads", 8);
        int certificates = Integer.getInteger("bench.certificates", 2000);
        int warmup = Integer.getInteger("bench.warmup", 200);
        Path config = Path.of(System.getProperty("bench.pkcs11.config", "target/softhsm/pkcs11.cfg"));
        Path pinFile = Path.of(System.getProperty("bench.pkcs11.pin-file", "target/softhsm/pin"));
        Duration limit = settings.phaseLimit();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (settings.adminUser() + ":" + settings.adminPassword()).getBytes(StandardCharsets.UTF_8));

        String ca = "bench-ca-" + UUID.randomUUID();
        JsonObject key = post(http, settings.url(), auth, "key", Json.createObjectBuilder().add("label", ca)
                .add("algorithm", "RSA").add("keySize", 2048)
                .add("attributes", Json.createObjectBuilder().add("sign", true).add("destroyable", true)).build());
        if (!"pkcs11".equals(key.getString("token"))) {
            System.out.println("WARNING: the server keeps keys in its " + key.getString("token") + " token, not in the HSM");
        }
        post(http, settings.url(), auth, "certificate/selfsign", Json.createObjectBuilder().add("selfSignCertificateRequest",
                Json.createObjectBuilder().add("signKeyName", ca).add("validity", 365)
                        .add("standardCertificateAttributes", Json.createObjectBuilder().add("commonName", "Bench CA"))
                        .add("keyUsage", Json.createArrayBuilder().add("KEY_CERT_SIGN"))
                        .add("basicConstraints", Json.createObjectBuilder().add("certificateAuthority", true))).build());
        List<String> bodies = csrBodies(ca, 16);

        Workers.Task issue = (worker, number) -> {
            JsonObject answer = post(http, settings.url(), auth, "certificate/sign",
                    Json.createReader(new java.io.StringReader(bodies.get(number % bodies.size()))).readObject());
            if (!answer.getString("certificate", "").startsWith("-----BEGIN CERTIFICATE-----")) {
                throw new IllegalStateException("no certificate: " + answer);
            }
        };
        Raw raw = Raw.open(config, pinFile);
        System.out.printf("CA benchmark against %s: %d threads, %d certificates, RSA-2048 CA key '%s'%n",
                settings.url(), threads, certificates, ca);

        Workers.run("warmup-raw", threads, warmup, limit, raw::sign);
        long clientCpu = ownCpuNanos();
        Workers.Outcome rawBefore = Workers.run("raw", threads, certificates, limit, raw::sign);
        double rawCpuMillis = (ownCpuNanos() - clientCpu) / 1e6 / Math.max(1, rawBefore.ok());
        Workers.run("warmup-issue", threads, warmup, limit, issue);
        ServerCost cost = new ServerCost(http, settings.url());
        ServerCost.Reading issueBefore = cost.read();
        Workers.Outcome issued = Workers.run("issue", threads, certificates, limit, issue);
        ServerCost.Reading issueAfter = cost.read();
        Workers.Outcome rawAfter = Workers.run("raw", threads, certificates, limit, raw::sign);
        Workers.Task read = (worker, number) -> {
            HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(settings.url() + "/hermod/rest/v1/key/" + ca))
                    .header("Authorization", auth).timeout(Duration.ofSeconds(30)).GET().build());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("read key: " + response.statusCode() + " " + response.body());
            }
        };
        Workers.run("warmup-floor", threads, warmup, limit, read);
        Workers.Outcome floor = Workers.run("floor", threads, certificates, limit, read);

        double rawRate = (rawBefore.perSecond() + rawAfter.perSecond()) / 2;
        System.out.printf("Raw SunPKCS11 RSA-2048 SHA256withRSA signatures/s: %.1f (before %.1f, after %.1f, failed %d)%n",
                rawRate, rawBefore.perSecond(), rawAfter.perSecond(), rawBefore.failed() + rawAfter.failed());
        System.out.printf("Certificates issued/s via /v1/certificate/sign:   %.1f (%d ok, %d failed)%n",
                issued.perSecond(), issued.ok(), issued.failed());
        System.out.printf("Issuance rate / raw signing rate: %.0f %% (target: at least 70 %%)%n",
                100 * issued.perSecond() / rawRate);
        int done = issued.ok() + issued.failed();
        System.out.println(ServerCost.line("certificate via /v1/certificate/sign", issueBefore, issueAfter, done));
        double serverMillis = (issueAfter.cpuNanos() - issueBefore.cpuNanos()) / 1e6 / Math.max(1, done);
        System.out.printf("  one SoftHSM2 RSA-2048 signature costs %.2f ms CPU (measured in this process): the server's"
                + " own work per certificate is %.2f ms (target <= 1 ms)%n", rawCpuMillis, serverMillis - rawCpuMillis);
        // Server, token and this client share the CPUs: a certificate costs at least one signature
        // plus one authenticated request, so no issuance over HTTP here can beat this ceiling.
        double ceiling = 1 / (1 / rawRate + 1 / floor.perSecond());
        System.out.printf("Floor, authenticated GET /v1/key/{label}/s: %.1f (%d ok, %d failed)%n",
                floor.perSecond(), floor.ok(), floor.failed());
        System.out.printf("Ceiling for one signature plus one such request on these CPUs: %.1f/s, %.0f %% of raw%n",
                ceiling, 100 * ceiling / rawRate);
        send(http, HttpRequest.newBuilder(URI.create(settings.url() + "/hermod/rest/v1/key/" + ca))
                .header("Authorization", auth).DELETE().build());
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Requests for fresh RSA-2048 keys, the kind the credential apps ask certificates for. */
    static List<String> csrBodies(String ca, int count) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            KeyPair pair = generator.generateKeyPair();
            byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=bench-" + i + ",O=Ratatosk Bench"),
                    pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()))
                    .getEncoded();
            bodies.add(Json.createObjectBuilder().add("signCertificateRequest", Json.createObjectBuilder()
                    .add("signKeyName", ca).add("csr", Base64.getEncoder().encodeToString(csr)).add("validity", 30)
                    .add("keyUsage", Json.createArrayBuilder().add("DIGITAL_SIGNATURE"))
                    .add("extendedKeyUsage", Json.createArrayBuilder().add("CLIENT_AUTH"))).build().toString());
        }
        return bodies;
    }

    static JsonObject post(HttpClient http, String url, String auth, String path, JsonObject body) throws Exception {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(url + "/hermod/rest/v1/" + path))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new java.io.StringReader(response.body())).readObject();
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An RSA-2048 key pair generated in the same token through SunPKCS11, signing directly. */
    record Raw(Provider provider, PrivateKey key) {

        static Raw open(Path config, Path pinFile) throws Exception {
            Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, Files.readString(pinFile, StandardCharsets.UTF_8).trim().toCharArray());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
            generator.initialize(2048);
            return new Raw(provider, generator.generateKeyPair().getPrivate());
        }

        void sign(int worker, int number) throws Exception {
            Signature signature = Signature.getInstance("SHA256withRSA", provider);
            signature.initSign(key);
            signature.update(("raw-" + number).getBytes(StandardCharsets.UTF_8));
            signature.sign();
        }
    }
}
