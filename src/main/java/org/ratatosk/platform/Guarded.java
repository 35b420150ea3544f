package org.ratatosk.platform;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares who may call a resource or method, so that a guard is chosen by what the code says
 * and never by matching a path string. The operator may call every guarded operation; the roles
 * name the other credentials (TSB API keys) that may call it too.
 */
@NameBinding
@SecurityScheme("operator")
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Guarded {

    /** Roles besides the operator that may call; empty means the operator alone. */
    Role[] value() default {};
}
