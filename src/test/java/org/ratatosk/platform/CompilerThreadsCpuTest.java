package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerThreadsCpuTest {

    @TempDir
    Path tasks;

    @Test
    void addsTheUserAndSystemTicksOfTheCompilerThreadsOnly() throws IOException {
        thread("101", "C2 CompilerThre", 250, 50);
        thread("102", "C1 CompilerThre", 40, 10);
        thread("103", "default task-1", 9000, 900);
        thread("104", "Thread-7 (ActiveMQ-server)", 700, 70);

        assertEquals(3.5, new CompilerThreadsCpu(tasks).seconds());
    }

    @Test
    void aCompilerThreadThatStoppedKeepsWhatItHadUsed() throws IOException {
        CompilerThreadsCpu cpu = new CompilerThreadsCpu(tasks);
        thread("101", "C2 CompilerThre", 100, 0);
        thread("102", "C2 CompilerThre", 200, 0);
        assertEquals(3.0, cpu.seconds());

        delete("102");
        thread("101", "C2 CompilerThre", 150, 0);
        assertEquals(3.5, cpu.seconds());

        thread("105", "C2 CompilerThre", 20, 5);
        assertEquals(3.75, cpu.seconds());
    }

    @Test
    void aThreadNameWithSpacesAndParenthesesDoesNotShiftTheFields() throws IOException {
        Path thread = Files.createDirectories(tasks.resolve("7"));
        Files.writeString(thread.resolve("comm"), "C2 CompilerThre\n");
        Files.writeString(thread.resolve("stat"),
                "7 (C2 (odd) name) S 1 1 1 0 -1 4194368 10 0 0 0 123 45 0 0 20 0 1 0 50 0 0\n");

        assertEquals(168L, CompilerThreadsCpu.compilerTicks(thread));
        assertNull(CompilerThreadsCpu.compilerTicks(tasks.resolve("8")), "a thread that ended is skipped");
    }

    @Test
    void thisJvmsCompilerThreadsAreShownOnLinux() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CompilerThreadsCpu cpu = new CompilerThreadsCpu();
        cpu.bindTo(registry);

        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            double seconds = registry.get(CompilerThreadsCpu.NAME).functionCounter().count();
            assertTrue(seconds > 0, "a JVM that ran JUnit has compiled something: " + seconds);
            assertTrue(cpu.seconds() >= seconds, "the count does not go down");
        } else {
            assertTrue(registry.getMeters().isEmpty());
        }
    }

    private void thread(String tid, String name, long utime, long stime) throws IOException {
        Path thread = Files.createDirectories(tasks.resolve(tid));
        Files.writeString(thread.resolve("comm"), name + "\n");
        Files.writeString(thread.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 4194368 10 0 0 0 "
                + utime + " " + stime + " 0 0 20 0 1 0 50 0 0\n");
    }

    private void delete(String tid) throws IOException {
        Path thread = tasks.resolve(tid);
        Files.delete(thread.resolve("comm"));
        Files.delete(thread.resolve("stat"));
        Files.delete(thread);
    }
}
