package dev.cyberdevstudio.engine.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A small language server in Python that misbehaves on request. Every process it starts (itself and a
 * {@code sleep} child, so that killing the whole tree is tested) writes its pid into a folder, so a test can check
 * that none is left alive.
 *
 * <p>Modes: {@code well} answers everything; {@code garbage} prints text that is not LSP; {@code silent} never
 * answers; {@code deaf} answers initialize only; {@code crash-once} exits after {@code initialized} the first time
 * (a marker file remembers), then behaves; {@code crash-always} always does; {@code crash-on-change} exits when a
 * document changes; {@code stops-reading} reads nothing after {@code initialized}; {@code bad-json} frames a body
 * that is not JSON; {@code closes-output} closes stdout and lives.
 */
final class FakeServer {

    static final String EXTENSION = ".fake";

    private static final String SCRIPT = """
            import json, os, subprocess, sys, time

            mode, state = sys.argv[1], sys.argv[2]
            stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
            child = subprocess.Popen(['sleep', '600'], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
            for pid in (os.getpid(), child.pid):
                open(os.path.join(state, 'pids', str(pid)), 'w').close()

            def read_message():
                length = None
                while True:
                    line = stdin.readline()
                    if not line:
                        return None
                    line = line.strip()
                    if not line:
                        if length is not None:
                            break
                        continue
                    name, _, value = line.decode('ascii').partition(':')
                    if name.strip().lower() == 'content-length':
                        length = int(value.strip())
                return json.loads(stdin.read(length))

            def send(message):
                body = json.dumps(message).encode('utf-8')
                stdout.write(b'Content-Length: %d\\r\\n\\r\\n' % len(body) + body)
                stdout.flush()

            def answer(request, result):
                send({'jsonrpc': '2.0', 'id': request['id'], 'result': result})

            def span(l1, c1, l2, c2):
                return {'start': {'line': l1, 'character': c1}, 'end': {'line': l2, 'character': c2}}

            if mode == 'garbage':
                stdout.write(b'Starting the fake server on port 8080...\\n')
                stdout.flush()
            if mode == 'closes-output':
                os.close(1)
                time.sleep(600)
            marker = os.path.join(state, 'crashed-once')
            crash_after_init = mode == 'crash-always' or (mode == 'crash-once' and not os.path.exists(marker))
            documents = {}
            while True:
                message = read_message()
                if message is None:
                    sys.exit(0)
                method = message.get('method')
                params = message.get('params') or {}
                if mode in ('silent', 'garbage'):
                    continue
                if method == 'initialize':
                    if mode == 'bad-json':
                        stdout.write(b'Content-Length: 9\\r\\n\\r\\n{not json')
                        stdout.flush()
                        continue
                    answer(message, {'capabilities': {
                        'textDocumentSync': {'openClose': True, 'change': 1, 'save': {'includeText': True}},
                        'hoverProvider': True, 'completionProvider': {}, 'definitionProvider': True,
                        'referencesProvider': True, 'renameProvider': True, 'signatureHelpProvider': {}}})
                elif method == 'initialized':
                    if mode == 'stops-reading':
                        time.sleep(600)
                    if crash_after_init:
                        open(marker, 'w').close()
                        sys.exit(3)
                elif mode == 'deaf' and 'id' in message:
                    continue
                elif method == 'textDocument/didOpen':
                    document = params['textDocument']
                    documents[document['uri']] = document['text']
                    send({'jsonrpc': '2.0', 'method': 'textDocument/publishDiagnostics', 'params': {
                        'uri': document['uri'], 'diagnostics': [
                            {'range': span(0, 0, 0, 4), 'message': 'fake problem', 'severity': 2, 'code': 7}]}})
                elif method == 'textDocument/didChange':
                    if mode == 'crash-on-change':
                        sys.exit(4)
                    documents[params['textDocument']['uri']] = params['contentChanges'][-1]['text']
                elif method == 'textDocument/didSave':
                    documents[params['textDocument']['uri']] = 'saved: ' + params.get('text', '')
                elif method == 'textDocument/didClose':
                    documents.pop(params['textDocument']['uri'], None)
                elif method == 'textDocument/hover':
                    uri = params['textDocument']['uri']
                    answer(message, {'contents': {'kind': 'plaintext', 'value': documents.get(uri, 'not open')}})
                elif method == 'textDocument/completion':
                    answer(message, {'isIncomplete': False, 'items': [{
                        'label': 'greet', 'kind': 2, 'insertTextFormat': 2,
                        'textEdit': {'newText': 'greet(${1:name})$0', 'insert': span(0, 0, 0, 2),
                                     'replace': span(0, 0, 0, 5)}}]})
                elif method == 'textDocument/definition':
                    uri = params['textDocument']['uri']
                    answer(message, [{'targetUri': uri, 'targetRange': span(2, 0, 4, 0),
                                      'targetSelectionRange': span(2, 4, 2, 9)}])
                elif method == 'textDocument/rename':
                    uri = params['textDocument']['uri']
                    answer(message, {'documentChanges': [{'textDocument': {'uri': uri, 'version': 1},
                                                          'edits': [{'range': span(0, 0, 0, 5),
                                                                     'newText': params['newName']}]}]})
                elif method == 'shutdown':
                    answer(message, None)
                elif method == 'exit':
                    sys.exit(0)
                elif 'id' in message:
                    answer(message, None)
            """;

    private final Path state;
    private final Path script;

    private FakeServer(Path state, Path script) {
        this.state = state;
        this.script = script;
    }

    /** Writes the script into {@code folder}, with its state (pids, marker) beside it. */
    static FakeServer in(Path folder) throws IOException {
        var state = Files.createDirectories(folder.resolve("fake-state"));
        Files.createDirectories(state.resolve("pids"));
        return new FakeServer(state, Files.writeString(folder.resolve("fake_server.py"), SCRIPT));
    }

    /** A server for {@code .fake} files that behaves as {@code mode} says. */
    LanguageServerConfig config(String mode) {
        return new LanguageServerConfig("fake", "fake-ls", Map.of(EXTENSION, "fake"),
                List.of("python3", script.toString(), mode, state.toString()), "pip install fake-ls");
    }

    /** Every process the fake servers started, alive or not. */
    List<ProcessHandle> processesStarted() throws IOException {
        try (Stream<Path> pids = Files.list(state.resolve("pids"))) {
            var handles = new ArrayList<ProcessHandle>();
            pids.forEach(pid -> ProcessHandle.of(Long.parseLong(pid.getFileName().toString()))
                    .ifPresent(handles::add));
            return handles;
        }
    }

    long pidsWritten() throws IOException {
        try (Stream<Path> pids = Files.list(state.resolve("pids"))) {
            return pids.count();
        }
    }
}
