package org.ratatosk.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Deploys the WAR as built once per server start instead of once per test class. Most test classes
 * call the server from outside ({@code testable = false}) with the WAR exactly as built; deploying
 * and removing it for each of them cost about ten seconds a class, most of a CI run's deploy time.
 * Such a deployment stays in the server for the next class that asks for the same; a deployment of
 * anything else (an in-container test's, which adds its classes) has it removed first, and it is
 * removed before the server stops, so no later start finds it. A class marked {@link OwnDeployment}
 * is deployed alone, like the in-container ones.
 */
public class SharedDeployment implements LoadableExtension {

    private static final Logger LOG = Logger.getLogger(SharedDeployment.class.getName());

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    /** What a container holds of the shared WAR: the archive to remove and what its deployment reported. */
    private record Deployed(Archive<?> archive, ProtocolMetaData metadata) {
    }

    /**
     * Runs inside the deployment context that Arquillian opens for each deployment event (a lower
     * precedence than its handler), so what it produces is the test class's own.
     */
    public static class Observer {

        private static final Map<DeployableContainer<?>, Deployed> DEPLOYED = new ConcurrentHashMap<>();

        @Inject
        private Instance<TestClass> testClass;

        @Inject
        @DeploymentScoped
        private InstanceProducer<DeploymentDescription> description;

        @Inject
        @DeploymentScoped
        private InstanceProducer<Deployment> deployment;

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> metadata;

        public void deploy(@Observes(precedence = -100) EventContext<DeployDeployment> context) throws Exception {
            DeployDeployment event = context.getEvent();
            DeployableContainer<?> container = event.getDeployableContainer();
            DeploymentDescription wanted = event.getDeployment().getDescription();
            Deployed present = DEPLOYED.get(container);
            if (shares(wanted)) {
                if (present != null) {
                    description.set(wanted);
                    deployment.set(event.getDeployment());
                    metadata.set(present.metadata());
                    event.getDeployment().deployed();
                    return;
                }
                context.proceed();
                DEPLOYED.put(container, new Deployed(wanted.getArchive(), metadata.get()));
                return;
            }
            if (present != null) {
                LOG.fine("Removing the shared WAR for a deployment of its own: " + wanted.getName());
                DEPLOYED.remove(container);
                container.undeploy(present.archive());
            }
            context.proceed();
        }

        public void undeploy(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
            UnDeployDeployment event = context.getEvent();
            if (shares(event.getDeployment().getDescription()) && DEPLOYED.containsKey(event.getDeployableContainer())) {
                event.getDeployment().undeployed();
                return;
            }
            context.proceed();
        }

        public void beforeStop(@Observes BeforeStop event) throws Exception {
            Deployed present = DEPLOYED.remove(event.getDeployableContainer());
            if (present != null) {
                event.getDeployableContainer().undeploy(present.archive());
            }
        }

        /**
         * Deployed by Arquillian for the class, not by the test, called from outside, the WAR
         * unchanged, and the class does not ask for a deployment of its own.
         */
        private boolean shares(DeploymentDescription description) {
            return description.managed() && !description.testable() && description.isArchiveDeployment()
                    && Server.isAsBuilt(description.getArchive())
                    && !testClass.get().isAnnotationPresent(OwnDeployment.class);
        }
    }
}
