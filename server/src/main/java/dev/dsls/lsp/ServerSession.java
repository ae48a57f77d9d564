package dev.dsls.lsp;

import dev.dsls.language.DaemonSetLanguageService;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * What every part of one editor session shares: the language service, the client and what it supports,
 * the workspace folder, the one worker thread all analysis and file reading runs on, and whether the
 * session is shutting down.
 */
final class ServerSession {
    private final DaemonSetLanguageService service = new DaemonSetLanguageService();
    private final ScheduledExecutorService worker;
    private volatile LanguageClient client;
    private volatile ClientSupport support = ClientSupport.NONE;
    private volatile Path root;
    private volatile String trace = "off";
    private volatile boolean shutdown;

    ServerSession(ScheduledExecutorService worker) {
        this.worker = worker;
        service.setReviewAgainstHead(true);
    }

    DaemonSetLanguageService service() {
        return service;
    }

    ScheduledExecutorService worker() {
        return worker;
    }

    void connect(LanguageClient languageClient) {
        client = languageClient;
    }

    LanguageClient client() {
        return client;
    }

    ClientSupport support() {
        return support;
    }

    void setSupport(ClientSupport clientSupport) {
        support = clientSupport;
    }

    Path root() {
        return root;
    }

    void setRoot(Path workspaceRoot) {
        root = workspaceRoot;
    }

    void setTrace(String traceServer) {
        trace = traceServer;
    }

    void requireRunning() {
        if (shutdown) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest,
                    "the server is shutting down and accepts no more requests", null));
        }
    }

    boolean isShutdown() {
        return shutdown;
    }

    void shutdown() {
        shutdown = true;
    }

    void dispose() {
        shutdown();
        worker.shutdownNow();
    }

    /** Logs to the client; warnings and errors also to stderr, which some clients file as errors. */
    void log(MessageType type, String message) {
        LanguageClient target = client;
        if (type == MessageType.Error || type == MessageType.Warning || target == null) {
            System.err.println("[dsls] " + message);
        }
        if (target != null && (type != MessageType.Log || !"off".equals(trace))) {
            target.logMessage(new MessageParams(type, message));
        }
    }
}
