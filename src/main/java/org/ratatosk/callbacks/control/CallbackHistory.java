package org.ratatosk.callbacks.control;

import jakarta.ejb.Stateless;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.ratatosk.callbacks.entity.CallbackAttempt;
import org.ratatosk.callbacks.entity.CallbackDelivery;
import org.ratatosk.platform.Cursor;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.NotFound;
import org.ratatosk.platform.Page;

/**
 * The attempts of a command's callback delivery, first to last, for the operator who wants to see
 * why a callback took long or died: a page at a time, as a redelivered callback keeps adding to them.
 */
@Stateless
public class CallbackHistory {

    @PersistenceContext
    EntityManager em;

    /** The attempts after the cursor's attempt number; 404 when the command has no callback. */
    public Page attempts(String commandId, String after, int limit) {
        if (em.find(CallbackDelivery.class, commandId) == null) {
            throw new NotFound("Callback of command " + commandId);
        }
        List<String> cursor = Cursor.decode(after, 1);
        TypedQuery<CallbackAttempt> query = em.createQuery("SELECT a FROM CallbackAttempt a WHERE a.commandId = :command"
                        + (cursor == null ? "" : " AND a.number > :after") + " ORDER BY a.number", CallbackAttempt.class)
                .setParameter("command", commandId)
                .setMaxResults(limit + 1);
        if (cursor != null) {
            query.setParameter("after", (int) Cursor.number(cursor.get(0)));
        }
        List<CallbackAttempt> found = query.getResultList();
        JsonArrayBuilder page = Jsons.createArrayBuilder();
        found.stream().limit(limit).forEach(attempt -> page.add(attempt.view()));
        CallbackAttempt last = found.size() > limit ? found.get(limit - 1) : null;
        return new Page(page.build(), last == null ? null : Cursor.encode(String.valueOf(last.number())));
    }
}
