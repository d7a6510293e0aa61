package io.github.camelmapiq.benchmark;

import java.io.IOException;

/**
 * Ends a child JVM of the benchmark when the benchmark's JVM is gone, even if it was killed without running its
 * shutdown hook: the child's standard input is a pipe from the parent that the parent never writes to, so it reaches
 * its end exactly when the parent's side is closed.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    static void exitWhenParentEnds() {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; keep reading until the pipe ends
                }
            } catch (IOException e) {
                // the pipe broke: the parent is gone as well
            }
            System.exit(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
