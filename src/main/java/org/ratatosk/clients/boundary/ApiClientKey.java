package org.ratatosk.clients.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.ratatosk.platform.SecurityScheme;

/** Marks the messaging API: only a registered API client, with {@code X-Api-Key}, may call it. */
@NameBinding
@SecurityScheme("apiKey")
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ApiClientKey {

    String HEADER = "X-Api-Key";
}
