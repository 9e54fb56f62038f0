package dev.cyberdevstudio.sandbox.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SshjLogsTest {

    @Test
    void writesSshjErrorsAndWarningsAtDebugWithTheirDetail() {
        var backing = (Logger) LoggerFactory.getLogger("sshj.test.Transport");
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        backing.addAppender(appender);
        var byClass = SshjLogs.DEBUG_ONLY.getLogger(SshjLogsTest.class);
        var logger = SshjLogs.DEBUG_ONLY.getLogger("sshj.test.Transport");
        backing.setAdditive(false);
        try {
            backing.setLevel(Level.INFO);
            assertThat(logger.isErrorEnabled()).as("nothing passes below DEBUG").isFalse();
            logger.error("Dying because - {}", "host key refused", new IOException("refused"));
            assertThat(appender.list).isEmpty();

            backing.setLevel(Level.TRACE);
            logger.error("Dying because - {}", "host key refused", new IOException("refused"));
            logger.warn("careful");
            logger.info("hello {} {}", 1, 2);
            logger.trace("bytes");

            assertThat(appender.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.DEBUG, Level.DEBUG, Level.DEBUG, Level.TRACE);
            assertThat(appender.list.getFirst().getFormattedMessage()).isEqualTo("Dying because - host key refused");
            assertThat(appender.list.getFirst().getThrowableProxy().getMessage()).isEqualTo("refused");
            assertThat(appender.list.get(2).getFormattedMessage()).isEqualTo("hello 1 2");
            assertThat(logger.isErrorEnabled() && logger.isWarnEnabled() && logger.isInfoEnabled()
                    && logger.isDebugEnabled() && logger.isTraceEnabled()).isTrue();
            assertThat(logger.getName()).isEqualTo("sshj.test.Transport");
            assertThat(byClass.getName()).isEqualTo(SshjLogsTest.class.getName());
        } finally {
            backing.detachAppender(appender);
            backing.setLevel(null);
            backing.setAdditive(true);
        }
    }
}
