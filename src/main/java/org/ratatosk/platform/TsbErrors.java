package org.ratatosk.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resources of the Securosys TSB wire, whose errors carry TSB's {@code errorCode} and
 * {@code reason} beside the contract's code and message ({@link ErrorMapper}).
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TsbErrors {
}
