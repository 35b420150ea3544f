package org.ratatosk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The captured seed documents of {@code ../shared/seeds} (or {@code -Dseeds.dir}). They are real and
 * must keep passing, so a seed that is missing, doubled or no longer holds what a test reads from it
 * fails that test with what was looked for and where; it never skips it.
 */
public final class Seeds {

    private Seeds() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("seeds.dir", "../shared/seeds"));
    }

    /** The text of seed {@code number} ("000"), the one file of the directory whose name starts with it. */
    public static String read(String number) {
        Path dir = dir();
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("The seed directory " + dir.toAbsolutePath() + " is missing; set -Dseeds.dir");
        }
        List<Path> found;
        try (Stream<Path> files = Files.list(dir)) {
            found = files.filter(f -> f.getFileName().toString().startsWith(number + "_")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The seed directory " + dir.toAbsolutePath() + " cannot be listed", e);
        }
        if (found.size() != 1) {
            throw new AssertionError("Expected one seed " + number + "_* in " + dir.toAbsolutePath() + ", found " + found);
        }
        try {
            return Files.readString(found.get(0), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Seed " + found.get(0) + " cannot be read", e);
        }
    }

    /** The first group of the first match of {@code regex} in seed {@code number}, which must match. */
    public static String find(String number, String regex, String what) {
        Matcher matcher = Pattern.compile(regex).matcher(read(number));
        if (!matcher.find()) {
            throw new AssertionError("Seed " + number + " no longer holds " + what + " (" + regex + ")");
        }
        return matcher.group(1);
    }
}
