package io.github.camelmapiq.mapiq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hand-written class of the component stays at 300 lines or fewer, so that each does one thing and a newcomer
 * finds a concern in one place. {@code MapiqConfiguration} (every option with its documentation) and the generated
 * sources of {@code src/generated} are exempt.
 */
class HandWrittenClassesStaySmallTest {

    private static final int MAX_LINES = 300;
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void noHandWrittenClassIsLongerThan300Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        List<Path> sources = sources();
        for (Path source : sources) {
            long lines = Files.readAllLines(source).size();
            if (lines > MAX_LINES && !source.endsWith("MapiqConfiguration.java")) {
                tooLong.add(SOURCES.relativize(source) + ": " + lines + " lines");
            }
        }

        assertThat(sources).as("hand-written sources found").hasSizeGreaterThan(100);
        assertThat(sources).as("generated sources are not hand-written")
                .noneMatch(s -> s.toString().contains("src/generated"));
        assertThat(tooLong).as("classes over " + MAX_LINES + " lines: split them by concern").isEmpty();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
