package org.ratatosk.keys.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The captured seed documents. */
public final class SeedFiles {

    private SeedFiles() {
    }

    public static String read(String number) throws IOException {
        Path dir = Path.of(System.getProperty("seeds.dir", "../shared/seeds"));
        try (Stream<Path> files = Files.list(dir)) {
            Path seed = files.filter(f -> f.getFileName().toString().startsWith(number + "_")).findFirst()
                    .orElseThrow(() -> new IOException("seed " + number + " not found in " + dir));
            return Files.readString(seed, StandardCharsets.UTF_8);
        }
    }
}
