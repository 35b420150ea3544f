package org.ratatosk.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.Mailbox;
import org.ratatosk.devicesim.MailboxEntry;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.devicesim.TestCa;
import org.ratatosk.testsupport.Server;

/**
 * The same request sent to both nodes at the same moment: the database, which both share, decides
 * once. A submission with one externalId makes one command; two answers to one message complete it
 * once and the other is told 409.
 */
class CrossNodeRacesIT {

    static final int ROUNDS = 20;

    @Test
    void theSameExternalIdOnBothNodesAtOnceMakesOneCommand() throws Exception {
        Server.Client client = Server.newClient(null);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            String externalId = "race-" + UUID.randomUUID();
            JsonObject body = ProvisionCommands.provision().externalId(externalId).build();
            List<Reply> replies = BothNodes.atOnce(node -> node.api(client).submit("provision", body));
            replies.forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
            Set<String> accepted = replies.stream().filter(r -> r.status() == 200).map(r -> r.string("commandId"))
                    .collect(Collectors.toSet());
            assertEquals(1, accepted.size(), "one command for both: " + replies);
            replies.stream().filter(r -> r.status() != 200).forEach(r -> {
                assertEquals(409, r.status(), r.raw());
                assertEquals("CONCURRENT_CHANGE", r.string("code"), r.raw());
            });
            Reply found = client.api().byExternalId(externalId);
            assertEquals(1, Server.array(found.raw()).size(), found.raw());
            assertEquals(accepted.iterator().next(),
                    Server.array(found.raw()).getJsonObject(0).getString("commandId"), found.raw());
        }
        System.out.println("same externalId on both nodes at once, replies by status: " + statuses);
    }

    @Test
    void twoAnswersToOneMessageOnBothNodesGiveOne200AndOne409() throws Exception {
        Server.Client client = Server.newClient(null);
        Reply provisioning = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        ProvisioningResult profile = client.device().provision(
                provisioning.body().getJsonArray("destinations").getJsonObject(0).getString("uri"), AnswerOptions.valid());
        assertEquals(200, profile.status(), String.valueOf(profile.body()));
        X509Certificate certificate = new TestCa().issue(profile.keys().get("signer").getPublic(),
                "CN=" + profile.profileId() + ",O=Ratatosk Cluster Test");
        Mailbox box = profile.mailbox();

        for (int round = 0; round < ROUNDS; round++) {
            String commandId = client.api().submit("certificate",
                    ProvisionCommands.certificate(profile.profileId(), "signer", certificate, 60)).expectOk("submit").string("commandId");
            List<MailboxEntry> entries = client.device().listMessages(box, 10);
            assertEquals(1, entries.size(), entries.toString());
            String location = entries.get(0).location();
            client.device().fetch(location, box.token());
            List<Reply> replies = BothNodes.atOnce(node -> client.device().answerCertificate(node.local(location), box.token()));
            List<Integer> statuses = replies.stream().map(Reply::status).sorted().toList();
            assertEquals(List.of(200, 409), statuses, replies.toString());
            assertEquals("COMPLETED", client.api().get(commandId).string("state"));
        }
    }
}
