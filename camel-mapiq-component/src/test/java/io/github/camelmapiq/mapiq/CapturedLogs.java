package io.github.camelmapiq.mapiq;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line (message and stack trace) of the component, Camel and HttpClient at DEBUG while open.
 * HttpClient's wire and header loggers are left out: a user-supplied HTTP client, which some tests use, dumps raw
 * traffic there by design; the component's own connections are proven quiet at TRACE by
 * {@link SecretsStayOutOfEveryLoggerAtTraceTest}.
 */
public final class CapturedLogs implements AutoCloseable {

    private static final List<String> LOGGERS = List.of("io.github.camelmapiq", "org.apache.camel", "org.apache.hc");
    private static final List<String> RAW_TRAFFIC = List.of("org.apache.hc.client5.http.wire",
            "org.apache.hc.client5.http.headers");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Level> levels = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;

    public CapturedLogs() {
        appender = new AbstractAppender("captured", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace);
                }
                synchronized (lines) {
                    levels.add(event.getLevel());
                    lines.add(line.toString());
                }
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        for (String name : LOGGERS) {
            LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, false);
            logger.addAppender(appender, Level.DEBUG, null);
            config.addLogger(name, logger);
        }
        for (String name : RAW_TRAFFIC) {
            config.addLogger(name, new LoggerConfig(name, Level.WARN, false));
        }
        context.updateLoggers();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines logged at {@code level} ("WARN", "INFO", ...) by loggers whose name starts with {@code logger}. */
    public List<String> lines(String level, String logger) {
        synchronized (lines) {
            List<String> found = new java.util.ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (levels.get(i).name().equals(level) && lines.get(i).startsWith(logger)) {
                    found.add(lines.get(i));
                }
            }
            return found;
        }
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        LOGGERS.forEach(config::removeLogger);
        RAW_TRAFFIC.forEach(config::removeLogger);
        context.updateLoggers();
        appender.stop();
    }
}
