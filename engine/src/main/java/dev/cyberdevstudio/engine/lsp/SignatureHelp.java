package dev.cyberdevstudio.engine.lsp;

import java.util.List;

/**
 * The signature of the call around the caret.
 *
 * @param label           the whole signature, e.g. {@code greet(name: str, times: int) -> str}
 * @param parameters      each parameter's label, in order
 * @param activeParameter the parameter the caret is in, or -1
 * @param documentation   may be empty
 */
public record SignatureHelp(String label, List<String> parameters, int activeParameter, String documentation) {

    public SignatureHelp {
        parameters = List.copyOf(parameters);
    }
}
