package io.github.camelmapiq.mapiq;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * While open, every logger of the JVM logs at TRACE into memory: the root of SLF4J/Log4j (the component, Camel,
 * HttpClient including its {@code wire} and {@code headers} loggers) and the root of {@code java.util.logging} (the
 * JDK's HTTP server and client). Each captured line holds the logger name, the formatted message, its parameters and
 * the whole stack trace of any exception, so a secret cannot hide in a part the test does not read.
 */
public final class EveryLoggerAtTrace implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;
    private final Level rootLevel;
    private final Map<String, Appender> quieted;
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final java.util.logging.Level julLevel = julRoot.getLevel();
    private final Handler julHandler;

    public EveryLoggerAtTrace() {
        appender = new AbstractAppender("every-logger", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                Object[] parameters = event.getMessage().getParameters();
                if (parameters != null) {
                    for (Object parameter : parameters) {
                        line.append(" | ").append(parameter);
                    }
                }
                appendTrace(line, event.getThrown());
                lines.add(line.toString());
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        rootLevel = root.getLevel();
        // the console keeps quiet: a leak must fail the test, not print the secret into the build output
        quieted = Map.copyOf(root.getAppenders());
        quieted.keySet().forEach(root::removeAppender);
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.ALL);
        context.updateLoggers();

        julHandler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line = new StringBuilder(String.valueOf(record.getLoggerName())).append(' ')
                        .append(record.getMessage());
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        line.append(" | ").append(parameter);
                    }
                }
                appendTrace(line, record.getThrown());
                lines.add(line.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        julHandler.setLevel(java.util.logging.Level.ALL);
        julRoot.addHandler(julHandler);
        julRoot.setLevel(java.util.logging.Level.ALL);
    }

    private static void appendTrace(StringBuilder line, Throwable thrown) {
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        root.removeAppender(appender.getName());
        root.setLevel(rootLevel);
        quieted.values().forEach(a -> root.addAppender(a, null, null));
        context.updateLoggers();
        appender.stop();
        julRoot.removeHandler(julHandler);
        julRoot.setLevel(julLevel);
    }
}
