package dev.dsls.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Connects the server to a transport. */
public final class LspLauncher {
    private LspLauncher() {
    }

    /**
     * Serves LSP on this process's stdin and stdout until the client exits. Anything else that would
     * print to stdout goes to stderr, so stdout carries nothing but JSON-RPC.
     */
    public static int runOnStdio() throws InterruptedException {
        InputStream in = System.in;
        PrintStream out = System.out;
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        CountDownLatch exited = new CountDownLatch(1);
        AtomicInteger code = new AtomicInteger(-1);
        Future<Void> listening = start(in, out, exitCode -> {
            code.compareAndSet(-1, exitCode);
            exited.countDown();
        });
        Thread reader = new Thread(() -> {
            try {
                listening.get();
            } catch (InterruptedException | ExecutionException e) {
                Thread.currentThread().interrupt();
            }
            // The client closed the stream without exit: the spec's abnormal end.
            code.compareAndSet(-1, 1);
            exited.countDown();
        }, "dsls-stdio");
        reader.setDaemon(true);
        reader.start();
        exited.await();
        return code.get();
    }

    /** Starts a server on the given streams; {@code onExit} runs when the client sends exit or goes away. */
    public static Future<Void> start(InputStream in, OutputStream out, IntConsumer onExit) {
        DslsLanguageServer server = new DslsLanguageServer(onExit);
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .create();
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }
}
