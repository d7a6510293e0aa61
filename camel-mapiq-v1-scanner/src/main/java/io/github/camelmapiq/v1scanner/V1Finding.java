package io.github.camelmapiq.v1scanner;

import java.nio.file.Path;

/**
 * One use of the v1 API in a route file.
 *
 * @param file        the file it is in
 * @param line        its line (1-based)
 * @param v1Call      what the route does, e.g. {@code GET https://api.mapiq.com/shifts/users}
 * @param endpoint    the v1 endpoint of the migration guide, or {@code null} (an API-key header, or a v1 path with a
 *                    method the guide does not list)
 * @param replacement what to write instead: a {@code mapiq:} URI or an instruction
 * @param note        what changes, and any caveat of the detection (method assumed, parameters not carried over)
 */
public record V1Finding(Path file, int line, String v1Call, V1Endpoint endpoint, String replacement, String note) {

    /** {@code file:line: call} then the replacement and the note, indented, as the scanner prints it. */
    public String describe() {
        return file + ":" + line + ": " + v1Call + System.lineSeparator()
               + "    replace with: " + replacement + System.lineSeparator()
               + "    " + note;
    }
}
