package org.ratatosk.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses a request body that is not UTF-8 with 400 {@code INVALID_UTF8}, or that declares another
 * charset with 415. Without this the body reader would replace bad bytes by U+FFFD and a
 * resource would go on with text the client never sent. A resource that answers bad bodies in its
 * own protocol, the UEM connector's, decodes them itself ({@link ReadsItsOwnBodies}).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class Utf8Bodies implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity() || resource.getResourceClass() == null
                || resource.getResourceClass().isAnnotationPresent(ReadsItsOwnBodies.class)) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        if (body.length == 0) {
            return;
        }
        MediaType type = request.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !"utf-8".equalsIgnoreCase(charset.trim())) {
            throw new InvalidInput(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Request bodies must be UTF-8");
        }
        if (decode(body).isEmpty()) {
            throw new InvalidInput(ErrorCode.INVALID_UTF8, "The request body is not valid UTF-8");
        }
    }

    /** The text of {@code bytes}, or empty when they are not UTF-8. */
    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
