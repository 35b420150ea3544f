package org.ratatosk.enrollment.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.ca.control.CertificateAuthority;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.enrollment.entity.Enrollment;
import org.ratatosk.enrollment.entity.EnrollmentPolicy;
import org.ratatosk.messaging.control.CommandFinished;
import org.ratatosk.messaging.control.CommandRequest;
import org.ratatosk.messaging.control.CommandSubmission;
import org.ratatosk.messaging.control.CommandsFinished;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.BrokerGate;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;
import org.ratatosk.provisioning.entity.Profile;
import org.ratatosk.provisioning.entity.ProfileKey;

/**
 * Automatic enrollment: when a provisioning of an opted-in client completes with certificate
 * requests, the CA issues a certificate for each re-signed request and the server sends them to
 * the new profile in a {@code certificate} command of that client. The issuing happens after the
 * device's answer has committed, from a queue, so the answer never waits for the HSM and an
 * unreachable HSM is retried by redelivery.
 */
@Stateless
public class Enrollments {

    private static final Logger LOG = Logger.getLogger(Enrollments.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    JMSContext jms;

    @Inject
    BrokerGate gate;

    @Resource(lookup = EnrollmentDestinations.QUEUE)
    Queue queue;

    @Inject
    Config config;

    @Inject
    CertificateAuthority certificateAuthority;

    @Inject
    CommandSubmission submission;

    @Inject
    AuditTrail audit;

    /** As {@link #onFinished} for each of a batch; a batch of expiries holds no completed provisioning. */
    public void onFinishedTogether(@Observes CommandsFinished finished) {
        finished.commands().forEach(this::onFinished);
    }

    /** Opens an enrollment, in the transaction that completed the provisioning. */
    public void onFinished(@Observes CommandFinished finished) {
        if (finished.type() != CommandType.PROV || finished.state() != CommandState.COMPLETED
                || em.find(EnrollmentPolicy.class, finished.clientId()) == null) {
            return;
        }
        Command command = em.find(Command.class, finished.commandId());
        Profile profile = em.find(Profile.class, command.newProfileId());
        if (profile == null || profile.keys().stream().noneMatch(key -> key.certReq() != null)) {
            return;
        }
        em.persist(new Enrollment(finished.commandId(), finished.clientId(), clock.instant()));
        gate.send(() -> jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, finished.commandId()));
        LOG.info("Command " + finished.commandId() + ": enrollment queued for profile " + profile.id());
    }

    /**
     * Issues the certificates of one enrollment and submits the certificate command, in a
     * transaction of its own: a refusal (a {@code DomainException}) leaves nothing behind for
     * {@link #fail} to record, and anything else is retried by the queue.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void issue(String commandId) {
        Enrollment enrollment = em.find(Enrollment.class, commandId);
        if (enrollment == null || enrollment.state() != Enrollment.State.PENDING) {
            return;
        }
        EnrollmentPolicy policy = em.find(EnrollmentPolicy.class, enrollment.clientId());
        if (policy == null) {
            enrollment.failed("NO_ENROLLMENT_POLICY", "The client no longer enrolls automatically", clock.instant());
            return;
        }
        EnrollmentTemplate template = EnrollmentTemplate.parse(JsonBodies.parseStored(policy.template()),
                config.maxLifespanSeconds(), config.maxTimeoutSeconds());
        Command provisioning = em.find(Command.class, commandId);
        Profile profile = em.find(Profile.class, provisioning.newProfileId());
        JsonArrayBuilder certificates = Jsons.createArrayBuilder();
        List<String> serials = new ArrayList<>();
        for (ProfileKey key : profile.keys()) {
            if (key.certReq() == null) {
                continue;
            }
            SignedRequest request = SignedRequest.parse(key.certReq());
            X509Certificate certificate = certificateAuthority.issue(policy.caKey(), request.publicKey(), request.subject(),
                    null, template.profile().validity(), template.profile().keyUsageBits(),
                    template.profile().extendedKeyUsages(), false).get(0);
            serials.add(certificate.getSerialNumber().toString(16));
            certificates.add(Jsons.createObjectBuilder()
                    .add("keyid", key.keyId())
                    .add("keystate", key.keyState() == null ? "ACTIVE" : key.keyState())
                    .add("data", der(certificate)));
        }
        ApiClient client = em.find(ApiClient.class, enrollment.clientId());
        String certificateCommandId = submission.submit(client,
                certificateCommand(provisioning, profile.id(), template, certificates)).getString("commandId");
        enrollment.issued(certificateCommandId, clock.instant());
        audit.record("server", "enrollment", commandId, "ISSUED", Jsons.createObjectBuilder()
                .add("caKey", policy.caKey())
                .add("certificateCommandId", certificateCommandId)
                .add("serials", Jsons.createArrayBuilder(serials)).build());
        LOG.info("Command " + commandId + ": issued " + serials.size() + " certificate(s) under '" + policy.caKey()
                + "', sent in certificate command " + certificateCommandId);
    }

    /** Records a refusal that retrying cannot change (no CA certificate, approvals needed, ...). */
    public void fail(String commandId, String code, String message) {
        Enrollment enrollment = em.find(Enrollment.class, commandId);
        if (enrollment == null || enrollment.state() != Enrollment.State.PENDING) {
            return;
        }
        enrollment.failed(code, message, clock.instant());
        audit.record("server", "enrollment", commandId, "FAILED",
                Jsons.createObjectBuilder().add("code", code).build());
        LOG.warning("Command " + commandId + ": enrollment failed, " + code + ": " + message);
    }

    private static CommandRequest certificateCommand(Command provisioning, String profileId, EnrollmentTemplate template,
                                                     JsonArrayBuilder certificates) {
        var header = Jsons.createObjectBuilder()
                .add("to", Jsons.createArrayBuilder().add(profileId))
                .add("lifespan", template.lifespan())
                .add("timeout", template.timeout());
        if (provisioning.externalId() != null) {
            header.add("externalId", provisioning.externalId());
        }
        return CommandRequest.of(CommandType.CERT, header.build(), Jsons.createObjectBuilder()
                .add("profileid", profileId)
                .add("certificates", certificates)
                .build());
    }

    private static String der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode the certificate just issued", e);
        }
    }
}
