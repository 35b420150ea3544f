package org.ratatosk.uem.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ratatosk.platform.Hashes;
import org.ratatosk.testsupport.MappingDatabase;

/** The connector's entities and queries under EclipseLink (Payara's provider) with H2. */
class UemMappingTest {

    @RegisterExtension
    static final MappingDatabase DATABASE = new MappingDatabase();

    @Test
    void passwordIsCheckedAndConsumedThroughItsMethods() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DATABASE.inTransaction(em -> {
            UemOtp otp = new UemOtp("joe@example.com");
            otp.reissue("s", Hashes.saltedHash("s", "ABCDEFGH23"), now, now.plusSeconds(60));
            em.persist(otp);
        });
        DATABASE.inTransaction(em -> {
            UemOtp otp = em.find(UemOtp.class, "joe@example.com", LockModeType.PESSIMISTIC_WRITE);
            assertEquals(UemOtp.Verdict.WRONG, otp.check("NOPE", now));
        });
        DATABASE.inTransaction(em -> {
            UemOtp otp = em.find(UemOtp.class, "joe@example.com", LockModeType.PESSIMISTIC_WRITE);
            assertEquals(1, otp.failedAttempts());
            assertEquals(UemOtp.Verdict.ACCEPTED, otp.check("ABCDEFGH23", now));
            otp.consume(now);
        });
        DATABASE.inTransaction(em -> assertEquals(now, em.find(UemOtp.class, "joe@example.com").usedAt()));
    }

    @Test
    void issuancesAreFoundByUserAndRequestAndPurgedWhenExpired() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DATABASE.inTransaction(em -> {
            em.persist(new UemIssuance("i1", "ann", "r1", "salt", "sealed", "0a", now, now.plusSeconds(600)));
            em.persist(new UemIssuance("i2", "ann", "r2", "salt", "sealed", "0b", now.minusSeconds(700), now.minusSeconds(100)));
        });
        DATABASE.inTransaction(em -> {
            var found = em.createQuery("SELECT i FROM UemIssuance i WHERE i.userId = :user AND i.reqId = :req", UemIssuance.class)
                    .setParameter("user", "ann").setParameter("req", "r1").getResultList();
            assertEquals(1, found.size());
            assertEquals("0a", found.get(0).certificateSerial());
            int deleted = em.createQuery("DELETE FROM UemIssuance i WHERE (i.userId = :user AND i.reqId = :req) OR i.expiresAt < :now")
                    .setParameter("user", "ann").setParameter("req", "r3").setParameter("now", now).executeUpdate();
            assertEquals(1, deleted);
        });
        DATABASE.inTransaction(em -> {
            assertNotNull(em.find(UemIssuance.class, "i1"));
            assertEquals(null, em.find(UemIssuance.class, "i2"));
        });
    }
}
