package io.github.camelmapiq.mapiq.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a documentation file (Markdown fences or AsciiDoc {@code [source,...]} listings), read from the
 * file users read, so a test runs what the docs show today, not a copy that drifts.
 */
final class DocSnippets {

    /** The project root, seen from the component module where Maven runs its tests. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path README = ROOT.resolve("README.md");
    static final Path GUIDE = Path.of("src/main/docs/mapiq-component.adoc").toAbsolutePath();

    private static final Pattern MARKDOWN = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```");
    private static final Pattern ASCIIDOC = Pattern.compile("(?ms)^\\[source,(\\w+)\\]\\n----\\n(.*?)^----");

    private final Path file;
    private final List<String[]> blocks = new ArrayList<>();

    private DocSnippets(Path file) throws IOException {
        this.file = file;
        String text = Files.readString(file);
        Matcher m = (file.toString().endsWith(".md") ? MARKDOWN : ASCIIDOC).matcher(text);
        while (m.find()) {
            blocks.add(new String[] { m.group(1), m.group(2) });
        }
    }

    static DocSnippets of(Path file) throws IOException {
        return new DocSnippets(file);
    }

    /** The one block of {@code language} containing {@code marker}; fails when the docs no longer show it. */
    Snippet block(String language, String marker) {
        List<String> found = blocks.stream().filter(b -> b[0].equals(language) && b[1].contains(marker))
                .map(b -> b[1]).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " " + language + " blocks of " + file + " contain '" + marker
                                     + "'; expected exactly one");
        }
        return new Snippet(found.get(0));
    }

    /** All blocks of {@code language}. */
    List<String> blocks(String language) {
        return blocks.stream().filter(b -> b[0].equals(language)).map(b -> b[1]).toList();
    }

    /** A snippet's text, with the few replacements a test may make (target endpoints, schedules). */
    record Snippet(String text) {

        /** Replaces every {@code from}; fails if the snippet does not contain it, so a changed doc is noticed. */
        Snippet replace(String from, String to) {
            if (!text.contains(from)) {
                throw new AssertionError("snippet no longer contains '" + from + "':\n" + text);
            }
            return new Snippet(text.replace(from, to));
        }
    }
}
