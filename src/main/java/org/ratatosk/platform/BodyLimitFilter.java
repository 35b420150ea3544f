package org.ratatosk.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over 1 MiB with 413, whether or not the client announced the length. The rest of
 * a refused body is read and dropped (up to a bound), because some servers (Payara's Grizzly) keep
 * the connection and never answer a client that is still sending.
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    static final long MAX_DRAINED_BYTES = 16L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            drain(request.getEntityStream());
            throw tooLarge();
        }
        request.setEntityStream(new Limited(request.getEntityStream()));
    }

    static void drain(InputStream in) {
        try {
            byte[] sink = new byte[8192];
            long dropped = 0;
            int n;
            while (dropped < MAX_DRAINED_BYTES && (n = in.read(sink)) > 0) {
                dropped += n;
            }
        } catch (IOException e) {
            // the client went away; the 413 is all that is left to say
        }
    }

    private static InvalidInput tooLarge() {
        return new InvalidInput(ErrorCode.PAYLOAD_TOO_LARGE, "Request body exceeds " + MAX_BODY_BYTES + " bytes");
    }

    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (read += n) > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge();
            }
            return n;
        }
    }
}
