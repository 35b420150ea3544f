package org.ratatosk.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that leaves state in the application's memory which the next classes must not meet
 * (the lockouts a flood of wrong keys causes): it gets a deployment of its own, removed after it,
 * instead of the one the other classes share ({@link SharedDeployment}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnDeployment {
}
