package org.ratatosk.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that decodes its request bodies itself and answers a bad one in its own
 * protocol ({@link Utf8Bodies#decode}), so {@link Utf8Bodies} leaves its bodies alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadsItsOwnBodies {
}
