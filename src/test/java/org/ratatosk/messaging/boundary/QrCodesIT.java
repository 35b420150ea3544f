package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.QrImages;
import org.ratatosk.testsupport.Server;
import org.w3c.dom.Element;

/** The QR code of a destination carries exactly its uri, for the owner of the command only. */
@ExtendWith(ArquillianExtension.class)
class QrCodesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void pngDecodesToTheDestinationUri() throws Exception {
        Server.Client client = Server.newClient(null);
        Reply submitted = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        String uri = submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri");

        HttpResponse<byte[]> png = get(client, "/command/" + submitted.string("commandId") + "/qr?destination=0&format=png");
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals(uri, QrImages.text(png.body()));

        HttpResponse<byte[]> byDefault = get(client, "/command/" + submitted.string("commandId") + "/qr");
        assertEquals(200, byDefault.statusCode());
        assertEquals("image/png", byDefault.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void svgIsWellFormed() throws Exception {
        Server.Client client = Server.newClient(null);
        Reply submitted = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        HttpResponse<byte[]> svg = get(client, "/command/" + submitted.string("commandId") + "/qr?destination=0&format=svg");
        assertEquals(200, svg.statusCode());
        assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.body())).getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertTrue(root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength() == 1);
    }

    @Test
    void badDestinationOrFormatIs400AndOthersCommandsAre404() {
        Server.Client client = Server.newClient(null);
        Server.Client other = Server.newClient(null);
        String commandId = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                .string("commandId");
        assertError(get(client, "/command/" + commandId + "/qr?destination=1"), 400, "INVALID_FIELD");
        assertError(get(client, "/command/" + commandId + "/qr?destination=-1"), 400, "INVALID_FIELD");
        assertError(get(client, "/command/" + commandId + "/qr?destination=first"), 400, "INVALID_FIELD");
        assertError(get(client, "/command/" + commandId + "/qr?format=gif"), 400, "INVALID_FIELD");
        assertError(get(other, "/command/" + commandId + "/qr"), 404, "NOT_FOUND");
        assertError(get(null, "/command/" + commandId + "/qr"), 401, "UNAUTHORIZED");
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String code) {
        assertEquals(status, response.statusCode());
        assertEquals(code, Server.object(new String(response.body(), StandardCharsets.UTF_8)).getString("code"));
    }

    private static HttpResponse<byte[]> get(Server.Client client, String path) {
        HttpRequest.Builder request = Server.request("/hermod/rest" + path).GET();
        if (client != null) {
            request.header("X-Api-Key", Base64.getEncoder().encodeToString(
                    (client.clientId() + ":" + client.key()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return Server.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
