package dev.cyberdevstudio.sandbox.ssh;

import net.schmizz.sshj.common.LoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Hands sshj loggers that write everything at DEBUG (TRACE stays TRACE). sshj logs an ERROR with a stack trace when
 * a connection dies, which includes every refused host key and every kill; the runner turns those into one outcome
 * with a short message and logs it once, so sshj's own account is detail for someone debugging, not an error.
 */
final class SshjLogs implements LoggerFactory {

    static final SshjLogs DEBUG_ONLY = new SshjLogs();

    private SshjLogs() {
    }

    @Override
    public Logger getLogger(String name) {
        return new DebugOnly(org.slf4j.LoggerFactory.getLogger(name));
    }

    @Override
    public Logger getLogger(Class<?> type) {
        return getLogger(type.getName());
    }

    private static final class DebugOnly extends AbstractLogger {

        private final transient Logger delegate;

        DebugOnly(Logger delegate) {
            this.delegate = delegate;
            this.name = delegate.getName();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            var message = MessageFormatter.basicArrayFormat(pattern, arguments);
            if (level == Level.TRACE) {
                delegate.trace(message, throwable);
            } else {
                delegate.debug(message, throwable);
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return delegate.isTraceEnabled();
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return delegate.isTraceEnabled();
        }

        @Override
        public boolean isDebugEnabled() {
            return delegate.isDebugEnabled();
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return delegate.isDebugEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return delegate.isDebugEnabled();
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return delegate.isDebugEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return delegate.isDebugEnabled();
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return delegate.isDebugEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return delegate.isDebugEnabled();
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return delegate.isDebugEnabled();
        }
    }
}
