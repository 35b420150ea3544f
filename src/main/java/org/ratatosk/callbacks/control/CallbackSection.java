package org.ratatosk.callbacks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.ratatosk.callbacks.entity.CallbackDelivery;
import org.ratatosk.messaging.control.EnvelopeSection;
import org.ratatosk.messaging.entity.Command;

/** Shows a finished command's callback delivery in its envelope. */
@ApplicationScoped
public class CallbackSection implements EnvelopeSection {

    @PersistenceContext
    EntityManager em;

    @Override
    public String key() {
        return "callback";
    }

    @Override
    public Optional<JsonValue> render(Command command) {
        if (!command.state().isFinal()) {
            return Optional.empty();
        }
        CallbackDelivery delivery = em.find(CallbackDelivery.class, command.id());
        return delivery == null ? Optional.empty() : Optional.of(delivery.view());
    }
}
