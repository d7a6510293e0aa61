package io.github.camelmapiq.routes;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository stands alone: no source or document names a file outside it (a working directory of the machine
 * it was written on, or a folder beside the checkout), so every reference a reader follows is in the clone.
 */
class NoFileNamesAPathOutsideTheRepositoryTest {

    private static final Pattern OUTSIDE = Pattern.compile("(?<![\\w.])/work/|\\.\\./shared|\\.\\./\\.\\./\\.\\./");
    private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", ".idea");

    @Test
    void noCommittedTextNamesAPathOutsideTheRepository() throws IOException {
        Path root = RouteFiles.PROJECT_ROOT;
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> isCommittable(root.relativize(f)))
                    .toList()) {
                String text;
                try {
                    text = Files.readString(file);
                } catch (MalformedInputException binary) {
                    continue;
                }
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (OUTSIDE.matcher(lines[i]).find() && !file.endsWith(getClass().getSimpleName() + ".java")) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                    }
                }
            }
        }
        assertThat(found).as("lines naming a path outside the repository").isEmpty();
    }

    /** Not under {@code .git} (a worktree's {@code .git} file names its repository) nor a build output. */
    private static boolean isCommittable(Path relative) {
        for (Path part : relative) {
            if (SKIPPED.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }
}
