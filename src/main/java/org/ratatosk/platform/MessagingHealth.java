package org.ratatosk.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

/** The message broker accepts a connection. */
@Stateless
public class MessagingHealth implements HealthCheck {

    @Resource
    ConnectionFactory connectionFactory;

    @Override
    public String name() {
        return "messaging";
    }

    @Override
    public void check() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer();
        }
    }
}
