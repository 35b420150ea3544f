package org.ratatosk.approvals.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an approver's call, which the approver's signature in the body authenticates. Credentials
 * sent with it (an API key, a client certificate) must hold TSB's APPROVER role, as TSB's
 * approverToken guards its approval endpoints; the operator may call too.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ApproverCall {
}
