package org.ratatosk.tokens.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.ratatosk.platform.HealthCheck;

/** The token answers: a random number from the HSM, or the software key store is readable. */
@ApplicationScoped
public class HsmHealth implements HealthCheck {

    @Inject
    Tokens tokens;

    @Override
    public String name() {
        return "hsm";
    }

    @Override
    public void check() {
        tokens.token().check();
    }
}
