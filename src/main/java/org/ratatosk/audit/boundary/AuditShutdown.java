package org.ratatosk.audit.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.ratatosk.audit.control.AuditLinkScheduler;

/**
 * Stops audit linking when the web application stops, which comes before its enterprise beans
 * are removed on every server this runs on.
 */
@WebListener
public class AuditShutdown implements ServletContextListener {

    @Inject
    AuditLinkScheduler linking;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        linking.close();
    }
}
