package org.ratatosk.ca.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.ca.control.CertificateBodies;
import org.ratatosk.ca.control.KeyOperations;
import org.ratatosk.keys.control.CertificateImport;
import org.ratatosk.keys.control.Keys;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Role;
import org.ratatosk.platform.TsbErrors;

/** CSRs and certificates made with keys in the token, and the certificate a key holds (Securosys TSB /v1/certificate). */
@TsbErrors
@Path("v1/certificate")
@Guarded(Role.KEY_OPERATION)
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
public class CertificatesResource {

    @Inject
    KeyOperations operations;

    @Inject
    Keys keys;

    @POST
    @Path("import/plain")
    public JsonObject importPlain(String body) {
        return keys.importCertificate(Bodies.read(body, CertificateImport.class));
    }

    @GET
    @Path("{label}")
    public JsonObject certificate(@PathParam("label") String label) {
        return keys.certificate(label);
    }

    @DELETE
    @Path("{label}")
    public JsonObject delete(@PathParam("label") String label) {
        return keys.deleteCertificate(label);
    }

    @POST
    @Path("request")
    public JsonObject request(String body) {
        return operations.csr(Bodies.read(body, CertificateBodies.CsrSign.class));
    }

    @POST
    @Path("sign")
    public JsonObject sign(String body) {
        return operations.sign(Bodies.read(body, CertificateBodies.SignCertificate.class));
    }

    @POST
    @Path("synchronous/request")
    public JsonObject requestNow(String body) {
        return operations.synchronous(KeyPolicy.Operation.CSR, JsonBodies.parseObject(body));
    }

    @POST
    @Path("synchronous/sign")
    public JsonObject signNow(String body) {
        return operations.synchronous(KeyPolicy.Operation.SIGN_CERTIFICATE, JsonBodies.parseObject(body));
    }

    @POST
    @Path("synchronous/selfsign")
    public JsonObject selfSignNow(String body) {
        return operations.synchronous(KeyPolicy.Operation.SELF_SIGN, JsonBodies.parseObject(body));
    }

    @POST
    @Path("selfsign")
    public JsonObject selfSign(String body) {
        return operations.selfSign(Bodies.read(body, CertificateBodies.SelfSign.class));
    }
}
