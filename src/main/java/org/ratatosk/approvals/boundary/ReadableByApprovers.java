package org.ratatosk.approvals.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.ratatosk.platform.SecurityScheme;

/**
 * Marks an operation on one request ({@code {id}}) that the operator, an API key with role
 * SERVICE or APPROVER, or an approver of that request proving its key may call.
 */
@NameBinding
@SecurityScheme("operator")
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadableByApprovers {

    String PUBLIC_KEY = "X-Approver-Public-Key";
    String TIMESTAMP = "X-Approver-Timestamp";
    String SIGNATURE = "X-Approver-Timestamp-Signature";
}
