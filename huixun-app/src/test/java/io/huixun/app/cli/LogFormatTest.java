package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The application's logback.xml (the one in the jar, no test override): one line per event with time, level and
 * logger, an exception folded onto that line, and the levels meant to hide library noise.
 */
class LogFormatTest {
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})";

    private static String format(ILoggingEvent event) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> stderr = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        assertThat(stderr).as("logback.xml's STDERR appender").isNotNull();
        return new String(stderr.getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void anEventIsOneLineWithTimeLevelAndLogger() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LoggingEvent event = new LoggingEvent(LogFormatTest.class.getName(),
                context.getLogger("io.huixun.app.cli.ServeCommand"), Level.INFO, "serving on {} ({} articles)", null,
                new Object[] {"http://127.0.0.1:8080/", 12});
        assertThat(format(event)).matches(TIME + " INFO  ServeCommand: serving on http://127\\.0\\.0\\.1:8080/ "
                + "\\(12 articles\\)\\R");
    }

    @Test
    void anExceptionStaysOnItsEventsLine() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LoggingEvent event = new LoggingEvent(LogFormatTest.class.getName(), context.getLogger("io.huixun.app.web.WebServer"),
                Level.ERROR, "request GET /search failed", new IllegalStateException("closed", new IOException("disk")),
                null);
        String line = format(event);
        assertThat(line).matches(TIME + " ERROR WebServer: request GET /search failed \\| "
                + "java\\.lang\\.IllegalStateException: closed .*\\R");
        assertThat(line).contains("java.io.IOException: disk");
        assertThat(line.strip()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void huixunSpeaksFromInfoAndLibrariesFromWarnUnlessHuixunLogLevelSaysOtherwise() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        String chosen = System.getenv("HUIXUN_LOG_LEVEL");
        Level huixun = Level.toLevel(chosen, Level.INFO);
        assertThat(context.getLogger("io.huixun.ingest").getEffectiveLevel()).isEqualTo(huixun);
        assertThat(context.getLogger("org.eclipse.jetty.server").getEffectiveLevel())
                .isEqualTo(Level.toLevel(chosen, Level.WARN));
        // Lucene's "vector incubator module is not readable" (a java.util.logging WARNING) is below this
        assertThat(context.getLogger("org.apache.lucene.internal.vectorization").getEffectiveLevel())
                .isEqualTo(Level.toLevel(chosen, Level.ERROR));
    }

    @Test
    void javaUtilLoggingReachesLogback() {
        Main.routeJavaUtilLogging(); // as the command's entry point does
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        ch.qos.logback.classic.Logger hanlp = context.getLogger("HanLP"); // HanLP's own java.util.logging logger
        hanlp.addAppender(seen);
        try {
            java.util.logging.Logger.getLogger("HanLP").warning("自定义词典读取失败");
            java.util.logging.Logger.getLogger("HanLP").fine("below the level: never formatted");
        } finally {
            hanlp.detachAppender(seen);
        }
        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage, ILoggingEvent::getLevel)
                .containsExactly(tuple("自定义词典读取失败", Level.WARN));
    }
}
