package org.ratatosk.enrollment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.ratatosk.enrollment.entity.Enrollment;
import org.ratatosk.messaging.control.EnvelopeSection;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.Jsons;

/** Shows, on a provisioning command, the automatic enrollment that followed it. */
@ApplicationScoped
public class EnrollmentSection implements EnvelopeSection {

    @PersistenceContext
    EntityManager em;

    @Override
    public String key() {
        return "enrollment";
    }

    @Override
    public Optional<JsonValue> render(Command command) {
        // An enrollment is opened only in the transaction that completes a provisioning.
        if (command.type() != CommandType.PROV || command.state() != CommandState.COMPLETED) {
            return Optional.empty();
        }
        Enrollment enrollment = em.find(Enrollment.class, command.id());
        if (enrollment == null) {
            return Optional.empty();
        }
        var view = Jsons.createObjectBuilder().add("state", enrollment.state().name());
        if (enrollment.certificateCommandId() != null) {
            view.add("certificateCommandId", enrollment.certificateCommandId());
        }
        if (enrollment.errorCode() != null) {
            view.add("error", Jsons.createObjectBuilder().add("code", enrollment.errorCode())
                    .add("message", enrollment.errorMessage() == null ? enrollment.errorCode() : enrollment.errorMessage()));
        }
        return Optional.of(view.build());
    }
}
