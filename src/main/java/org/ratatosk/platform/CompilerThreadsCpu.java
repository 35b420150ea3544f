package org.ratatosk.platform;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time of the JVM's JIT compiler threads, as the counter
 * {@code hermod_jit_compiler_cpu_seconds_total}, so that a benchmark can tell how much of the
 * server's CPU time went to compiling rather than to the operations it measures. The JVM's own
 * compilation time ({@code jvm_compilation_time_ms_total}) is elapsed time: on a busy machine a
 * compiler thread waiting for a core counts there too, and it can exceed the process's CPU time.
 * <p>
 * The compiler threads are hidden from {@code ThreadMXBean}, so their CPU is read from Linux's
 * {@code /proc/self/task/<tid>/stat} (user and system time, in clock ticks of 1/100 s) for the
 * threads named {@code C1 CompilerThread…} and {@code C2 CompilerThread…}. The JVM stops compiler
 * threads that have nothing to do; what a stopped thread had used when it was last read is kept, so
 * the counter does not go down. On a system without {@code /proc} nothing is bound.
 */
class CompilerThreadsCpu implements MeterBinder {

    static final String NAME = "hermod.jit.compiler.cpu";
    private static final double TICKS_PER_SECOND = 100;

    private final Path tasks;
    /** Ticks per compiler thread at its last reading, and those of threads no longer there. */
    private final Map<String, Long> seen = new HashMap<>();
    private long gone;

    CompilerThreadsCpu() {
        this(Path.of("/proc/self/task"));
    }

    CompilerThreadsCpu(Path tasks) {
        this.tasks = tasks;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!Files.isDirectory(tasks)) {
            return;
        }
        FunctionCounter.builder(NAME, this, CompilerThreadsCpu::seconds)
                .description("CPU time of the JVM's JIT compiler threads.")
                .baseUnit("seconds")
                .register(registry);
    }

    synchronized double seconds() {
        Map<String, Long> now = new HashMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                Long ticks = compilerTicks(thread);
                if (ticks != null) {
                    now.put(thread.getFileName().toString(), ticks);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            return Double.NaN;
        }
        seen.forEach((tid, ticks) -> {
            if (!now.containsKey(tid)) {
                gone += ticks;
            }
        });
        seen.clear();
        seen.putAll(now);
        return (gone + now.values().stream().mapToLong(Long::longValue).sum()) / TICKS_PER_SECOND;
    }

    /** The user and system ticks of a compiler thread; null for another thread or one that just ended. */
    static Long compilerTicks(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).trim();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return null;
            }
            String stat = Files.readString(thread.resolve("stat"));
            // After the name in parentheses: state is field 3 of stat(5), utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
