package org.ratatosk.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.ratatosk.messaging.entity.CommandType;

/** Authentication is signing of a challenge: the same body, the same verified and recorded signature. */
@ApplicationScoped
public class AuthenticateRules extends SignRules {

    @Override
    public CommandType type() {
        return CommandType.AUTH;
    }
}
