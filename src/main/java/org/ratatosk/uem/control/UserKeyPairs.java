package org.ratatosk.uem.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.ratatosk.audit.control.AuditTrail;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ratatosk.platform.Jsons;
import org.ratatosk.uem.entity.UemOtp;

/**
 * {@code getUserKeyPair}: checks the user's one-time password, has the CA certify a pooled key
 * pair and hands both out as a PKCS#12. The user's row stays locked for the whole request, so
 * one password yields one certificate even when UEM sends the same request twice at once.
 */
@Stateless
public class UserKeyPairs {

    private static final Logger LOG = Logger.getLogger(UserKeyPairs.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    UemSettings settings;

    @Inject
    KeyPairPool pool;

    @Inject
    UserCertificates certificates;

    @Inject
    Replays replays;

    @Inject
    AuditTrail audit;

    public UemAnswer getUserKeyPair(KeyPairRequest request) {
        String user = request.user();
        String reqId = request.reqId();
        Optional<KeyAlgorithm> algorithm = settings.keyAlgorithm();
        if (algorithm.isEmpty()) {
            LOG.warning("UEM reqId " + reqId + ": hermod.uem.key-algorithm '" + settings.keyAlgorithmName()
                    + "' is not RSA-2048, RSA-3072 or EC-P256");
            return UemAnswer.failure(reqId, FailureInfo.BAD_ALG);
        }
        Optional<UemSettings.PasswordSource> passwordSource = settings.passwordSource();
        if (passwordSource.isEmpty()) {
            return unknown(reqId, "hermod.uem.p12-password is neither random nor otp", null);
        }
        Instant now = clock.instant();
        UemOtp otp = em.find(UemOtp.class, user, LockModeType.PESSIMISTIC_WRITE);
        if (otp == null) {
            LOG.info("UEM reqId " + reqId + ": unknown user " + user);
            return UemAnswer.failure(reqId, FailureInfo.UNKNOWN_USER);
        }
        Replays.Earlier earlier = replays.earlier(request, now);
        if (earlier.answer().isPresent()) {
            LOG.info("UEM reqId " + reqId + ": repeated for user " + user + ", same key pair answered again");
            return earlier.answer().get();
        }
        UemOtp.Verdict verdict = request.authToken() == null || request.authToken().isBlank()
                ? UemOtp.Verdict.WRONG : otp.check(request.authToken(), now);
        if (verdict != UemOtp.Verdict.ACCEPTED) {
            LOG.info("UEM reqId " + reqId + ": one-time password of user " + user + " refused (" + verdict
                    + (otp.locked() ? ", locked" : "") + ")");
            audit.record("uem", "otp", user, otp.locked() ? "LOCKED" : "REFUSED",
                    Jsons.createObjectBuilder().add("reqId", reqId).add("verdict", verdict.name()).build());
            return UemAnswer.failure(reqId, FailureInfo.AUTH_FAILURE);
        }
        KeyPairPool.PooledKey pooled = pool.take(algorithm.get());
        KeyPair keys = pooled.keys();
        List<X509Certificate> chain;
        try {
            chain = certificates.issue(user, keys.getPublic(), algorithm.get());
        } catch (UserCertificates.IssuanceFailed e) {
            return unknown(reqId, e.getMessage(), e.getCause());
        }
        boolean otpEncrypts = passwordSource.get() == UemSettings.PasswordSource.OTP;
        Pkcs12Password password = otpEncrypts ? Pkcs12Password.of(request.authToken()) : pooled.randomPassword();
        byte[] pkcs12 = Pkcs12Files.build(keys.getPrivate(), chain, user, password);
        otp.consume(now);
        UemAnswer answer = UemAnswer.success(reqId, pkcs12, otpEncrypts ? null : password.password());
        String serial = chain.get(0).getSerialNumber().toString(16);
        replays.remember(earlier, request, answer, serial, now);
        audit.record("uem", "otp", user, "USED",
                Jsons.createObjectBuilder().add("reqId", reqId).add("serial", serial).build());
        LOG.info("UEM reqId " + reqId + ": issued certificate serial " + serial + " to user " + user);
        return answer;
    }

    private static UemAnswer unknown(String reqId, String reason, Throwable cause) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "UEM reqId " + reqId + " failed, incident " + incident + ": " + reason, cause);
        return UemAnswer.failure(reqId, FailureInfo.UNKNOWN);
    }
}
