package org.ratatosk.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * The property the fuzzing IT checks against a running server: every mutated request of every
 * operation gets an answer of the contract. Run by {@code FuzzIT}, which deploys the server and
 * sets {@link #target} first; the fixed seed makes the default suite's run the same every time.
 */
public class FuzzProperties {

    public static final int TRIES = 2000;

    /** The server and its valid requests, set by the test that launches this property. */
    public record Target(RawHttp http, List<Template> templates) {
    }

    public static volatile Target target;

    @Property(tries = TRIES, seed = "20261202", shrinking = ShrinkingMode.OFF)
    void everyMutatedRequestGetsAContractAnswer(@ForAll("mutatedRequests") Mutations.Request request) {
        RawHttp.Response response = target.http().send(request.method(), request.target(), request.headers(), request.body());
        Verdict.check(request, response).ifPresent(problem -> fail(new FuzzRun.Failure(request.template().name(),
                request.kinds(), request.method(), request.target(), response.status(), problem, response.text()).toString()));
    }

    @Provide
    Arbitrary<Mutations.Request> mutatedRequests() {
        List<Template> templates = target.templates();
        return Arbitraries.randomValue(random -> Mutations.mutate(templates.get(random.nextInt(templates.size())), random));
    }
}
