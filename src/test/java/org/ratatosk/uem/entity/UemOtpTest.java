package org.ratatosk.uem.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ratatosk.platform.Hashes;

class UemOtpTest {

    static final Instant ISSUED = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant EXPIRES = ISSUED.plusSeconds(600);
    static final Instant DURING = ISSUED.plusSeconds(60);

    static UemOtp issued(String otp) {
        UemOtp row = new UemOtp("joe@example.com");
        row.reissue("salt", Hashes.saltedHash("salt", otp), ISSUED, EXPIRES);
        return row;
    }

    @Test
    void rightPasswordIsAcceptedIgnoringCaseAndSpaces() {
        assertEquals(UemOtp.Verdict.ACCEPTED, issued("ABCD2345XY").check("ABCD2345XY", DURING));
        assertEquals(UemOtp.Verdict.ACCEPTED, issued("ABCD2345XY").check(" abcd2345xy ", DURING));
    }

    @Test
    void wrongPasswordCountsAnAttempt() {
        UemOtp row = issued("ABCD2345XY");
        assertEquals(UemOtp.Verdict.WRONG, row.check("ABCD2345XZ", DURING));
        assertEquals(1, row.failedAttempts());
        assertFalse(row.locked());
        assertEquals(UemOtp.Verdict.ACCEPTED, row.check("ABCD2345XY", DURING));
    }

    @Test
    void fiveWrongAttemptsLockEvenTheRightPassword() {
        UemOtp row = issued("ABCD2345XY");
        for (int i = 1; i <= 5; i++) {
            assertEquals(UemOtp.Verdict.WRONG, row.check("WRONG" + i, DURING));
        }
        assertTrue(row.locked());
        assertEquals(UemOtp.Verdict.LOCKED, row.check("ABCD2345XY", DURING));
        assertEquals(5, row.failedAttempts());
    }

    @Test
    void fourWrongAttemptsDoNotLock() {
        UemOtp row = issued("ABCD2345XY");
        for (int i = 1; i <= 4; i++) {
            row.check("WRONG" + i, DURING);
        }
        assertEquals(UemOtp.Verdict.ACCEPTED, row.check("ABCD2345XY", DURING));
    }

    @Test
    void usedPasswordIsRefused() {
        UemOtp row = issued("ABCD2345XY");
        row.consume(DURING);
        assertEquals(UemOtp.Verdict.USED, row.check("ABCD2345XY", DURING.plusSeconds(1)));
        assertEquals(DURING, row.usedAt());
    }

    @Test
    void expiredPasswordIsRefusedFromItsExpiryOn() {
        assertEquals(UemOtp.Verdict.EXPIRED, issued("ABCD2345XY").check("ABCD2345XY", EXPIRES));
        assertEquals(UemOtp.Verdict.ACCEPTED, issued("ABCD2345XY").check("ABCD2345XY", EXPIRES.minusMillis(1)));
    }

    @Test
    void reissueClearsUseAndLockout() {
        UemOtp row = issued("ABCD2345XY");
        for (int i = 0; i < 5; i++) {
            row.check("nope", DURING);
        }
        row.consume(DURING);
        row.reissue("salt2", Hashes.saltedHash("salt2", "NEWPASS234"), DURING, DURING.plusSeconds(60));
        assertFalse(row.locked());
        assertEquals(UemOtp.Verdict.WRONG, row.check("ABCD2345XY", DURING.plusSeconds(1)));
        assertEquals(UemOtp.Verdict.ACCEPTED, row.check("NEWPASS234", DURING.plusSeconds(1)));
    }

    @Test
    void nullPasswordIsWrong() {
        assertEquals(UemOtp.Verdict.WRONG, issued("ABCD2345XY").check(null, DURING));
    }
}
