package org.ratatosk.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a list operation that answers a {@link Page}: a JSON array, with the next page's cursor in
 * headers. The OpenAPI document describes such operations from this mark.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Paged {

    /** What each item of the list holds, for the OpenAPI document; empty leaves the items undescribed. */
    String items() default "";
}
