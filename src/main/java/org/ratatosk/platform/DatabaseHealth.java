package org.ratatosk.platform;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The database answers a query. */
@Stateless
public class DatabaseHealth implements HealthCheck {

    @PersistenceContext
    EntityManager em;

    @Override
    public String name() {
        return "database";
    }

    @Override
    public void check() {
        em.createNativeQuery("SELECT 1").getSingleResult();
    }
}
