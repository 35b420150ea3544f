package org.ratatosk.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends {@code count} mutated requests, spread over the operations, from a few threads; each
 * thread draws from its own seeded random, so a seed repeats a run. Counts answers by status and
 * keeps the first failures with the request that caused them.
 */
public final class FuzzRun {

    public record Failure(String operation, List<Mutations.Kind> kinds, String method, String target, int status,
                          String problem, String body) {

        @Override
        public String toString() {
            return operation + " " + kinds + " " + method + " " + abbreviate(target, 160) + " -> " + status + ": " + problem
                    + (body.isEmpty() ? "" : " | " + abbreviate(body, 300));
        }
    }

    public record Result(Map<Integer, Integer> byStatus, List<Failure> failures, int failureCount, int sent) {
    }

    static final int KEPT_FAILURES = 40;

    private FuzzRun() {
    }

    public static Result run(RawHttp http, List<Template> templates, int count, long seed, int threads) throws Exception {
        Map<Integer, Integer> byStatus = Collections.synchronizedMap(new TreeMap<>());
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failureCount = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(seed + t);
                workers.add(pool.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        Template template = templates.get(random.nextInt(templates.size()));
                        Mutations.Request request = Mutations.mutate(template, random);
                        RawHttp.Response response = http.send(request.method(), request.target(), request.headers(), request.body());
                        byStatus.merge(response.status(), 1, Integer::sum);
                        Optional<String> problem = Verdict.check(request, response);
                        if (problem.isPresent()) {
                            failureCount.incrementAndGet();
                            if (failures.size() < KEPT_FAILURES) {
                                failures.add(new Failure(template.name(), request.kinds(), request.method(), request.target(),
                                        response.status(), problem.get(), response.text()));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(new TreeMap<>(byStatus), List.copyOf(failures), failureCount.get(), count);
    }

    static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > max ? flat.substring(0, max) + "..." : flat;
    }
}
