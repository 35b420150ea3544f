package org.ratatosk.messaging.control;

import jakarta.json.JsonValue;
import java.util.Optional;
import org.ratatosk.messaging.entity.Command;

/**
 * A part of the command envelope that another component owns (for example {@code callback}).
 * Implementations are CDI beans; messaging renders whatever they return under their key.
 */
public interface EnvelopeSection {

    String key();

    Optional<JsonValue> render(Command command);
}
