package dev.cyberdevstudio.sandbox.wasm;

import com.dylibso.chicory.log.Logger;
import org.slf4j.LoggerFactory;

/** Routes Chicory's own logging (WASI tracing, compiler fallbacks) to SLF4J, the one logging API of the studio. */
final class ChicoryLogging implements Logger {

    private final org.slf4j.Logger log;

    ChicoryLogging(Class<?> owner) {
        this.log = LoggerFactory.getLogger(owner);
    }

    @Override
    public void log(Level level, String message, Throwable cause) {
        switch (level) {
            case ERROR -> log.error(message, cause);
            case WARNING -> log.warn(message, cause);
            case INFO -> log.info(message, cause);
            case DEBUG -> log.debug(message, cause);
            case OFF -> { }
            default -> log.trace(message, cause);
        }
    }

    @Override
    public boolean isLoggable(Level level) {
        return switch (level) {
            case ERROR -> log.isErrorEnabled();
            case WARNING -> log.isWarnEnabled();
            case INFO -> log.isInfoEnabled();
            case DEBUG -> log.isDebugEnabled();
            case OFF -> false;
            default -> log.isTraceEnabled();
        };
    }
}
