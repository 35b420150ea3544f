package org.ratatosk.devicesim;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulated devices and application servers of this process have done so far: HTTP
 * requests sent and private-key signatures made, so a benchmark can tell what one round trip costs.
 */
public final class Operations {

    static final LongAdder REQUESTS = new LongAdder();
    static final LongAdder SIGNATURES = new LongAdder();

    private Operations() {
    }

    public static long requests() {
        return REQUESTS.sum();
    }

    public static long signatures() {
        return SIGNATURES.sum();
    }
}
