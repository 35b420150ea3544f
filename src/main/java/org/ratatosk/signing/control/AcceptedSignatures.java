package org.ratatosk.signing.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Refused;
import org.ratatosk.provisioning.control.AnswerRejected;
import org.ratatosk.signing.entity.AcceptedSignature;

/**
 * Refuses a signature that was already accepted for another command. The fingerprint is the
 * table's primary key: of two nodes accepting the same signature at once, one insert fails, and
 * that answer's transaction is refused whole.
 */
@Stateless
public class AcceptedSignatures {


    @PersistenceContext
    EntityManager em;

    /** Records the signature for the command, in the caller's transaction; refused when it is known. */
    public void accept(VerifiedSignature signature, String commandId, Instant now) throws AnswerRejected {
        AcceptedSignature earlier = em.find(AcceptedSignature.class, signature.fingerprint());
        if (earlier != null) {
            throw new AnswerRejected(ErrorCode.ANSWER_REPLAYED, "This signature was already accepted for another command");
        }
        try {
            em.persist(new AcceptedSignature(signature.fingerprint(), commandId, now));
            em.flush();
        } catch (PersistenceException raced) {
            throw new Refused(ErrorCode.ANSWER_REPLAYED, "This signature was accepted for another command just now");
        }
    }
}
