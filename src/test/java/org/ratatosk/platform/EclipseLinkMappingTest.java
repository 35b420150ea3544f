package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.control.Commands;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.messaging.entity.Mailbox;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.provisioning.entity.Profile;
import org.ratatosk.provisioning.entity.ProfileKey;
import org.ratatosk.testsupport.MappingDatabase;

/**
 * The entities and the queries the server runs also work under EclipseLink, Payara's JPA provider,
 * on the schema the migrations build.
 */
class EclipseLinkMappingTest {

    @RegisterExtension
    static final MappingDatabase DATABASE = new MappingDatabase();

    @Test
    void aCommandsDestinationsComeInTheirOrderEachWithItsMailbox() {
        Instant now = Instant.now();
        DATABASE.inTransaction(em -> {
            em.persist(new Command("d1", "app", CommandType.PING, null, "h", "{}", 60, now, now.plusSeconds(60)));
            em.persist(new Command("d2", "app", CommandType.PING, null, "h", "{}", 60, now, now.plusSeconds(60)));
            em.persist(new Mailbox("bd1", "app", false, "pd1", "s1", "th1", Mailbox.State.ACTIVE, now));
            em.persist(new Mailbox("bd2", "app", false, "pd2", "s2", "th2", Mailbox.State.ACTIVE, now));
            em.persist(new MailboxMessage("ma1", "bd2", "d1", 1, "pd2", "pd2", CommandType.PING, now, now.plusSeconds(60)));
            em.persist(new MailboxMessage("mz0", "bd1", "d1", 0, "pd1", "pd1", CommandType.PING, now, now.plusSeconds(60)));
            em.persist(new MailboxMessage("md3", "bd1", "d2", 0, "pd1", "pd1", CommandType.PING, now, now.plusSeconds(60)));
        });
        DATABASE.inTransaction(em -> {
            Map<MailboxMessage, Mailbox> destinations = Commands.destinations(em, "d1");
            // positions, not ids, give the order
            assertEquals(List.of("mz0:bd1", "ma1:bd2"), destinations.entrySet().stream()
                    .map(e -> e.getKey().mid() + ":" + e.getValue().bid()).toList());
            assertEquals(List.of("md3"), Commands.destinations(em, "d2").keySet().stream().map(MailboxMessage::mid).toList());
            assertTrue(Commands.destinations(em, "no-such-command").isEmpty());
        });
    }

    @Test
    void commandLifecycleIsStoredThroughEntityMethods() {
        Instant now = Instant.now();
        DATABASE.inTransaction(em -> {
            ApiClient client = new ApiClient("app");
            client.replace("salt", "hash", "http://x/rest", null, "[]", "tp1 tp2", now);
            em.persist(client);
            em.persist(new Command("c1", "app", CommandType.PROV, "ext", "h", "{}", 60, now, now.plusSeconds(1)));
            em.persist(new Mailbox("b1", "app", true, "p1", "s", "th", Mailbox.State.ACTIVE, now));
            em.persist(new MailboxMessage("m1", "b1", "c1", 0, "@tmp", "p1", CommandType.PROV, now, now.plusSeconds(60)));
        });
        DATABASE.inTransaction(em -> {
            Command command = em.find(Command.class, "c1", LockModeType.PESSIMISTIC_WRITE);
            assertTrue(command.expire(now.plusSeconds(2)));
            em.find(MailboxMessage.class, "m1").withdraw();
            em.find(Mailbox.class, "b1").close();
        });
        DATABASE.inTransaction(em -> {
            assertEquals(CommandState.EXPIRED, em.find(Command.class, "c1").state());
            assertEquals(MailboxMessage.State.WITHDRAWN, em.find(MailboxMessage.class, "m1").state());
            assertEquals(Mailbox.State.CLOSED, em.find(Mailbox.class, "b1").state());
            assertTrue(em.find(ApiClient.class, "app").trustsAttestationKey("tp2"));
            assertEquals(1, em.createQuery("SELECT c FROM Command c WHERE c.clientId = :client AND c.type = :type"
                            + " AND c.externalId = :external", Command.class)
                    .setParameter("client", "app").setParameter("type", CommandType.PROV)
                    .setParameter("external", "ext").getResultList().size());
            assertEquals(0, em.createQuery("SELECT m FROM MailboxMessage m WHERE m.bid = :bid AND m.state = :state"
                            + " AND m.expiresAt > :now ORDER BY m.createdAt", MailboxMessage.class)
                    .setParameter("bid", "b1").setParameter("state", MailboxMessage.State.PENDING)
                    .setParameter("now", now).getResultList().size());
        });
    }

    @Test
    void profileKeepsItsKeys() {
        DATABASE.inTransaction(em -> {
            Profile profile = new Profile("p9", "app", "userA", "TestProfile", "srv", "b9", "{\"model\":\"x\"}", Instant.now());
            profile.addKey(new ProfileKey("k9", profile, "signer", "SIG", "active", "{\"kty\":\"RSA\"}", "thumb", null));
            em.persist(profile);
        });
        DATABASE.inTransaction(em -> {
            var found = em.createQuery("SELECT p FROM Profile p WHERE p.clientId = :client AND p.userId = :user"
                            + " AND p.state = :state ORDER BY p.createdAt", Profile.class)
                    .setParameter("client", "app").setParameter("user", "userA")
                    .setParameter("state", Profile.State.ACTIVE).getResultList();
            assertEquals(1, found.size());
            assertEquals("thumb", found.get(0).key("signer").orElseThrow().thumbprint());
            found.get(0).markDeleted();
        });
        DATABASE.inTransaction(em -> assertEquals(Profile.State.DELETED, em.find(Profile.class, "p9").state()));
    }
}
