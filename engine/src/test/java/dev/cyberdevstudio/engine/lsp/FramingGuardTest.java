package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramingGuardTest {

    private final List<String> garbage = new ArrayList<>();

    private byte[] readAll(String output, boolean oneByteAtATime) throws IOException {
        var guard = new FramingGuard(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)), garbage::add);
        var read = new ByteArrayOutputStream();
        if (oneByteAtATime) {
            for (var next = guard.read(); next >= 0; next = guard.read()) {
                read.write(next);
            }
        } else {
            var buffer = new byte[7];
            for (var count = guard.read(buffer, 0, buffer.length); count >= 0;
                 count = guard.read(buffer, 0, buffer.length)) {
                read.write(buffer, 0, count);
            }
        }
        return read.toByteArray();
    }

    private static String message(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body;
    }

    @Test
    void passesWellFramedMessagesThrough() throws IOException {
        var output = message("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"héllo\\nworld\"}") + "\r\n"
                + message("{}") + "Content-Length: 0\r\n\r\n";
        assertThat(readAll(output, false)).isEqualTo(output.getBytes(StandardCharsets.UTF_8));
        assertThat(readAll(output, true)).isEqualTo(output.getBytes(StandardCharsets.UTF_8));
        assertThat(garbage).isEmpty();
    }

    @Test
    void endsTheStreamAtALogLinePrintedToStdout() throws IOException {
        var read = readAll(message("{}") + "Listening on port 8080\nmore", true);
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(message("{}") + "Listening");
        assertThat(garbage).containsExactly(
                "wrote something that is not LSP to its output: \"Listening on port 8080\"");
    }

    @Test
    void showsWhatFollowsTheBadByteWhenItHasArrived() throws IOException {
        readAll("Error: cannot find module 'typescript'\n    at require", false);
        assertThat(garbage).singleElement().asString()
                .isEqualTo("wrote something that is not LSP to its output: \"Error: cannot find module 'typescript'"
                        + " at require\"");
    }

    @Test
    void refusesHeadersWithoutALength() throws IOException {
        readAll("Content-Type: text/plain\r\n\r\n{}", false);
        assertThat(garbage).containsExactly(
                "wrote headers without Content-Length to its output: \"Content-Type: text/plain\"");
    }

    @Test
    void refusesALengthThatIsNotANumber() throws IOException {
        readAll("Content-Length: lots\r\n\r\n{}", false);
        readAll("Content-Length: -4\r\n\r\n{}", false);
        assertThat(garbage).containsExactly(
                "wrote something that is not LSP to its output: \"Content-Length: lots\"",
                "wrote something that is not LSP to its output: \"Content-Length: -4\"");
    }

    @Test
    void refusesBinaryNoiseAndEndlessLines() throws IOException {
        readAll("\u0001\u0002binary", false);
        readAll("Content-Length" + "x".repeat(9000), false);
        readAll(":no name\r\n", false);
        assertThat(garbage).hasSize(3);
        assertThat(garbage.getFirst()).isEqualTo("wrote something that is not LSP to its output: \"??binary\"");
        assertThat(garbage.get(1)).endsWith("…\"");
    }

    @Test
    void doesNotSkipPastTheCheck() throws IOException {
        var guard = new FramingGuard(new ByteArrayInputStream("junk here\n".getBytes(StandardCharsets.UTF_8)),
                garbage::add);
        assertThat(guard.markSupported()).isFalse();
        assertThat(guard.skip(3)).isEqualTo(3);
        assertThat(guard.skip(100)).isZero();
        assertThat(garbage).hasSize(1);
        assertThat(guard.read()).isEqualTo(-1);
    }
}
