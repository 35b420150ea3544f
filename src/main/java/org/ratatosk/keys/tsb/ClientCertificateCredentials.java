package org.ratatosk.keys.tsb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import org.ratatosk.platform.Role;
import org.ratatosk.platform.RoleCredentials;

/**
 * TLS client certificates as TSB credentials (TSB's mTLS): the certificate the server's TLS layer
 * verified, if the operator mapped it to roles. A certificate nobody mapped counts as no
 * credential, since the same listener serves clients that present one for other reasons.
 */
@ApplicationScoped
public class ClientCertificateCredentials implements RoleCredentials {

    static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    @Inject
    HttpServletRequest servletRequest;

    @Inject
    TsbClientCertificates certificates;

    @Override
    public Optional<Set<Role>> roles(ContainerRequestContext request) {
        if (!(servletRequest.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain) || chain.length == 0) {
            return Optional.empty();
        }
        return certificates.rolesOf(chain[0]);
    }
}
