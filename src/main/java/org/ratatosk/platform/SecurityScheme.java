package org.ratatosk.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a guard annotation: the security scheme of the API description ({@code operator} or
 * {@code apiKey}) that the operations it guards require.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface SecurityScheme {

    String value();
}
