package org.ratatosk.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/** The benchmark's knobs, from system properties so the Maven profile and a plain java command both work. */
record BenchSettings(String url, int devices, int provisionings, int warmup, String adminUser, String adminPassword,
        int wakeups, int wakeDevices, int floorRequests, String keyType, String callbackUrl, Duration phaseLimit,
        int signatures, int pacedAnswers, int answerRate) {

    static BenchSettings fromSystemProperties() {
        int devices = integer("bench.devices", 32);
        int provisionings = integer("bench.provisionings", 2000);
        return new BenchSettings(
                trimSlash(System.getProperty("bench.url", "http://localhost:8080")),
                devices,
                provisionings,
                integer("bench.warmup", Math.min(provisionings, 2 * devices)),
                System.getProperty("bench.admin.user", "admin"),
                System.getProperty("bench.admin.password", "admin"),
                integer("bench.wakeups", 200),
                integer("bench.wake.devices", Math.min(devices, 16)),
                integer("bench.floor.requests", 5000),
                System.getProperty("bench.keytype", "RSA-2048"),
                blankToNull(System.getProperty("bench.callbackUrl")),
                Duration.ofSeconds(integer("bench.phase.seconds", 600)),
                integer("bench.signatures", 1000),
                integer("bench.paced.answers", 1000),
                integer("bench.answer.rate", 100));
    }

    /** The same knobs against another address. */
    BenchSettings withUrl(String other) {
        return new BenchSettings(trimSlash(other), devices, provisionings, warmup, adminUser, adminPassword, wakeups,
                wakeDevices, floorRequests, keyType, callbackUrl, phaseLimit, signatures, pacedAnswers, answerRate);
    }

    /** Refuses a non-loopback target unless explicitly allowed: a benchmark is load, and load is for your own server. */
    void requireLoopback() {
        String host = URI.create(url).getHost();
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress() && !Boolean.getBoolean("bench.allowRemote")) {
                throw new IllegalArgumentException(url + " is not a loopback address; set -Dbench.allowRemote=true to insist");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }

    /**
     * The server hands out urls built from its configured public base url, which need not be the
     * address the benchmark was told to use; every request goes to {@code url} with the same path.
     */
    String local(String serverUrl) {
        URI given = URI.create(serverUrl);
        String path = given.getRawPath() + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery());
        return url + path;
    }

    private static int integer(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String trimSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
