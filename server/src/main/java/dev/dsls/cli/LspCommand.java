package dev.dsls.cli;

import dev.dsls.lsp.LspLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dsls lsp}: the language server over stdio. */
@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Run the language server over standard input and output (LSP, JSON-RPC)."
                + " Logs go to standard error and the client's log.")
final class LspCommand implements Callable<Integer> {
    /** Clients such as vscode-languageclient append --stdio; it names the only transport there is. */
    @picocli.CommandLine.Option(names = "--stdio", description = "Use stdin and stdout (the default and only transport).")
    boolean stdio;

    @Override
    public Integer call() throws Exception {
        return LspLauncher.runOnStdio();
    }
}
