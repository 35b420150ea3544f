package org.ratatosk.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.ratatosk.approvals.boundary.Approver;
import org.ratatosk.approvals.boundary.Rules;
import org.ratatosk.callbacks.boundary.CallbackReceiver;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.AttestationKeys;
import org.ratatosk.devicesim.HermodClient;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.devicesim.SimulatedDevice;
import org.ratatosk.keys.boundary.KeyApi;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;
import org.ratatosk.uem.boundary.UemClient;

/** The operator console in a real browser, doing over the operator API what an operator does. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    private static ConsoleBrowser browser;
    private static final String ADMIN = UemClient.basic(Server.ADMIN_USER, Server.ADMIN_PASSWORD);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeAll
    static void startBrowser() {
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshSession(TestInfo info) {
        browser.startTest(info.getTestMethod().orElseThrow().getName());
        browser.expectFailedCall("/admin/session", 401);
    }

    @AfterEach
    void noConsoleErrors() {
        browser.screenshot("last");
        browser.assertNoConsoleErrors();
    }

    @Test
    void signInCreateAClientEnrollAUserByQrFindTheCommandAndSignOut() {
        browser.expectFailedCall("/enrollment", 404); // the new client's panel asks for an enrollment policy it has not
        browser.open("");
        browser.waitFor(By.id("sign-in-form"));
        signIn("wrong-password");
        browser.waitForText(By.cssSelector("#sign-in-form .form-error"), "UNAUTHORIZED");
        browser.screenshot("sign-in-refused");
        signIn(Server.ADMIN_PASSWORD);
        browser.waitFor(By.cssSelector("[data-check='database']"));
        browser.waitForText(By.id("page-dashboard"), "callbacks dead");
        browser.screenshot("dashboard");

        browser.driver().findElement(By.cssSelector("a[data-page='clients']")).click();
        KeyPair attestation = AttestationKeys.generate();
        String clientId = "console-" + UUID.randomUUID().toString().substring(0, 8);
        browser.type(By.cssSelector("#create-client-form [name='clientId']"), clientId);
        browser.paste(By.cssSelector("#create-client-form [name='attestationKeys']"), "not a key");
        browser.waitFor(By.cssSelector("#create-client-form button[type='submit']")).click();
        browser.waitForText(By.cssSelector("#create-client-form [data-error-for='attestationKeys']"), "JWK");
        browser.paste(By.cssSelector("#create-client-form [name='attestationKeys']"),
                AttestationKeys.publicJwk(attestation).toString());
        browser.driver().findElement(By.cssSelector("#create-client-form button[type='submit']")).click();
        String key = browser.waitFor(By.cssSelector(".once [data-secret]")).getText();
        browser.waitForText(By.id("client-detail"), clientId);
        browser.screenshot("clients");
        assertEquals(43, key.length(), "32 random bytes, base64url");
        HermodClient api = new HermodClient(Server.HTTP, Server.baseUrl(), clientId, key);
        assertEquals(200, api.byExternalId("none").status(), "the key shown once is the client's key");

        browser.driver().findElement(By.cssSelector("a[data-page='enroll']")).click();
        String user = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        browser.type(By.cssSelector("#enroll-form [name='clientId']"), clientId);
        browser.type(By.cssSelector("#enroll-form [name='userid']"), user);
        browser.driver().findElement(By.cssSelector("#enroll-form button[type='submit']")).click();
        var qr = browser.waitFor(By.id("enrollment-qr"));
        browser.await(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", qr), "QR image loaded");
        String uri = qr.getAttribute("data-uri");
        String commandId = qr.getAttribute("data-command-id");
        assertTrue(uri.startsWith("com.nexusgroup.plugout:") && uri.contains("token="), uri);
        assertEquals("IN_PROGRESS", browser.waitFor(By.id("enrollment-state")).getAttribute("data-state"));
        browser.screenshot("enroll-qr");

        new SimulatedDevice(attestation, Server.HTTP).provision(uri, AnswerOptions.valid());
        browser.waitForText(By.id("enrollment-state"), "completed");
        browser.screenshot("enroll-completed");
        JsonObject envelope = api.get(commandId).expectOk("command").body();
        assertEquals("COMPLETED", envelope.getString("state"));

        browser.driver().findElement(By.cssSelector("a[data-page='commands']")).click();
        browser.type(By.cssSelector("#command-filter [name='clientId']"), clientId);
        new Select(browser.waitFor(By.cssSelector("#command-filter [name='state']"))).selectByValue("COMPLETED");
        browser.driver().findElement(By.cssSelector("#command-filter button[type='submit']")).click();
        browser.waitForText(By.id("commands-table"), commandId);
        browser.waitFor(row("commands-table", commandId)).click();
        browser.waitForText(By.id("command-detail"), "Messages per destination");
        assertTrue(browser.waitFor(By.id("command-detail")).getText().contains("ANSWERED"));
        browser.screenshot("command");

        Cookie session = browser.driver().manage().getCookieNamed("HERMOD_CONSOLE");
        assertTrue(session.isHttpOnly(), "the session cookie is HttpOnly");
        browser.driver().findElement(By.id("sign-out")).click();
        browser.waitFor(By.id("sign-in-form"));
        browser.screenshot("signed-out");
        assertEquals(401, sessionWith(session.getValue()).status(), "the cookie is dead after sign-out");
    }

    @Test
    void aSessionTheServerEndedReturnsToTheSignInForm() {
        browser.expectFailedCall("/admin/clients", 401);
        browser.open("#/dashboard");
        signIn(Server.ADMIN_PASSWORD);
        browser.waitForText(By.id("page-dashboard"), "key requests waiting for approval");
        String cookie = browser.driver().manage().getCookieNamed("HERMOD_CONSOLE").getValue();
        String csrf = sessionWith(cookie).expectOk("session").string("csrfToken");
        Reply ended = Server.send(Server.request("/hermod/rest/admin/session").header("Cookie", "HERMOD_CONSOLE=" + cookie)
                .header("X-CSRF-Token", csrf).DELETE());
        assertEquals(204, ended.status());
        browser.driver().findElement(By.cssSelector("a[data-page='clients']")).click();
        browser.waitForText(By.id("main"), "Your session has ended");
        browser.waitFor(By.id("sign-in-form"));
        browser.screenshot("session-ended");
    }

    @Test
    void aDeadCallbackIsRedeliveredFromTheCommandPage() {
        try (CallbackReceiver receiver = CallbackReceiver.started().alwaysRespond(500)) {
            Server.Client client = Server.newClient(receiver.url());
            String commandId = client.api().submit("provision", ProvisionCommands.provision().build())
                    .expectOk("submit").string("commandId");
            client.api().cancel(commandId).expectOk("cancel");
            waitForCallback(commandId, "DEAD");
            receiver.alwaysRespond(204);
            int failed = receiver.await(commandId, 1, Duration.ZERO).size();

            browser.open("#/commands?id=" + commandId);
            signIn(Server.ADMIN_PASSWORD);
            browser.waitForText(By.id("command-callback"), "DEAD");
            assertTrue(browser.waitFor(By.id("command-callback")).getText().contains("500"), "the last error is shown");
            browser.screenshot("callback-dead");
            assertEquals(failed, attemptRows().size(), "one row per failed attempt");
            browser.waitFor(By.id("redeliver-callback")).click();
            browser.waitForText(By.id("command-callback"), "DELIVERED");
            WebElement table = browser.waitForText(By.id("callback-attempts"), "204");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", table);
            browser.screenshot("callback-delivered");
            List<WebElement> rows = attemptRows();
            assertEquals(failed + 1, rows.size(), "the failed attempts and the redelivery");
            List<String> first = cells(rows.get(0));
            assertEquals("1", first.get(0));
            assertTrue(first.get(2).endsWith(" ms"), first.toString());
            assertEquals("500", first.get(3));
            assertEquals("HTTP 500", first.get(4));
            List<String> last = cells(rows.get(failed));
            assertEquals(String.valueOf(failed + 1), last.get(0));
            assertEquals("204", last.get(3));
            assertEquals("", last.get(4), "a delivered attempt has no error");

            List<CallbackReceiver.Received> posts = receiver.await(commandId, failed + 1, Duration.ofSeconds(10));
            assertEquals(failed + 1, posts.size());
            assertEquals(1, posts.stream().map(CallbackReceiver.Received::deliveryId).distinct().count(),
                    "the same delivery id as the attempts before");
            assertEquals("CANCELLED", posts.get(posts.size() - 1).body().getString("state"));
        }
    }

    @Test
    void theOperatorSeesWaitingRequestsButApprovesNothingWithoutTheApproversKey() {
        Approver approver = Approver.rsa("approver");
        Approver stranger = Approver.rsa("stranger");
        String label = "console-" + UUID.randomUUID().toString().substring(0, 8);
        KeyApi.createRsa(label, Rules.policy(Rules.rule(0, 600, Rules.group("G", 1, approver)), null, null, null));
        String requestId = KeyApi.post("certificate/request", KeyApi.csrBody(label, "Console-Test"))
                .expectOk("csr request").string("signRequestId");
        browser.expectFailedCall("/v1/approval", 403);

        browser.open("#/keys");
        signIn(Server.ADMIN_PASSWORD);
        browser.waitForText(By.id("keys-table"), label);
        browser.waitForText(By.id("requests-table"), requestId);
        browser.waitFor(row("requests-table", requestId)).click();
        String statement = browser.waitFor(By.cssSelector("#approval-form [name='approvalToBeSigned']")).getAttribute("value");
        browser.paste(By.cssSelector("#approval-form [name='approverPublicKey']"), stranger.publicKey());
        browser.paste(By.cssSelector("#approval-form [name='signature']"), stranger.sign(Base64.getDecoder().decode(statement)));
        browser.driver().findElement(By.cssSelector("#approval-form button[type='submit']")).click();
        browser.waitForText(By.id("approval-form"), "NOT_AN_APPROVER");
        browser.screenshot("approval-refused");

        JsonObject request = KeyApi.get("request/" + requestId).expectOk("request").body();
        assertEquals("PENDING", request.getString("status"));
        assertTrue(request.getJsonArray("approvedBy").isEmpty());
        assertFalse(browser.waitFor(By.id("requests-table")).getText().contains("approver"), "nobody approved");
    }

    @Test
    void aCaKeyMadeInTheConsoleIssuesTheCertificateOfAnOtpTheConsoleIssued() throws Exception {
        String ca = "console-ca-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            browser.open("#/keys");
            signIn(Server.ADMIN_PASSWORD);
            browser.type(By.cssSelector("#ca-form [name='label']"), ca);
            browser.type(By.cssSelector("#ca-form [name='commonName']"), "Console Test CA " + ca);
            browser.driver().findElement(By.cssSelector("#ca-form button[type='submit']")).click();
            browser.waitForText(By.id("page-keys"), "created and self-signed");
            browser.screenshot("ca-created");
            X509Certificate caCertificate = certificate(KeyApi.get("key/" + ca).expectOk("ca").body().getString("certificate"));
            assertEquals(0, caCertificate.getBasicConstraints(), "a CA certificate");
            caCertificate.verify(caCertificate.getPublicKey());

            browser.driver().findElement(By.cssSelector("a[data-page='uem']")).click();
            browser.type(By.cssSelector("#uem-settings-form [name='caKey']"), ca);
            browser.driver().findElement(By.cssSelector("#uem-settings-form button[type='submit']")).click();
            browser.waitForText(By.id("page-uem"), "Saved: CA key " + ca);
            String user = "console-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            browser.type(By.cssSelector("#otp-form [name='user']"), user);
            browser.driver().findElement(By.cssSelector("#otp-form button[type='submit']")).click();
            String otp = browser.waitFor(By.cssSelector("#otp-result [data-secret]")).getText();
            browser.screenshot("uem-otp");

            Reply reply = new UemClient(Server.HTTP, Server.baseUrl() + "/hermod/custom", UemClient.basic("uem", "test-uem-secret"))
                    .getUserKeyPair(user, otp, "console-1");
            assertEquals("success", reply.string("status"), reply.raw());
            KeyStore p12 = KeyStore.getInstance("PKCS12");
            char[] password = new String(Base64.getDecoder().decode(reply.string("decryptionPassword")),
                    java.nio.charset.StandardCharsets.UTF_8).toCharArray();
            p12.load(new ByteArrayInputStream(Base64.getDecoder().decode(reply.string("payload"))), password);
            String alias = p12.aliases().nextElement();
            X509Certificate leaf = (X509Certificate) p12.getCertificate(alias);
            leaf.verify(caCertificate.getPublicKey());
            assertEquals("CN=" + user, leaf.getSubjectX500Principal().getName());
        } finally {
            // the other tests' UEM settings are the server's system properties again
            assertEquals(204, Server.send(Server.request("/hermod/rest/admin/uem/settings").header("Authorization", ADMIN)
                    .DELETE()).status());
        }
    }

    private static void signIn(String password) {
        browser.type(By.cssSelector("#sign-in-form [name='user']"), Server.ADMIN_USER);
        browser.type(By.cssSelector("#sign-in-form [name='password']"), password);
        browser.driver().findElement(By.cssSelector("#sign-in-form button[type='submit']")).click();
    }

    /** The row of a paged table that shows {@code text}. */
    private static By row(String table, String text) {
        return By.xpath("//div[@id='" + table + "']//tbody/tr[contains(., '" + text + "')]");
    }

    /** The rows of the command page's table of callback attempts, once it has loaded some. */
    private static List<WebElement> attemptRows() {
        return browser.await(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#callback-attempts tbody tr"));
            return rows.isEmpty() || rows.get(0).getText().contains("No attempt") ? null : rows;
        }, "rows of the callback attempts");
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private static Reply sessionWith(String cookie) {
        return Server.send(Server.request("/hermod/rest/admin/session").header("Cookie", "HERMOD_CONSOLE=" + cookie).GET());
    }

    private static void waitForCallback(String commandId, String state) {
        Reply last = Await.until(Duration.ofSeconds(60), () -> Server.send(Server.request(
                "/hermod/rest/admin/commands/" + commandId + "/callback").header("Authorization", ADMIN).GET()),
                reply -> reply.status() == 200 && state.equals(reply.string("state")));
        assertEquals(state, last.status() == 200 ? last.string("state") : "HTTP " + last.status(),
                "callback of " + commandId);
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
