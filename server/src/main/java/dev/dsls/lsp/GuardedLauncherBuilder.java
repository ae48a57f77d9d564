package dev.dsls.lsp;

import com.google.gson.JsonParseException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;

/**
 * LSP4J's launcher with the guards a server facing a broken or hostile client needs:
 * <ul>
 * <li>a {@code Content-Length} above {@link #MAX_MESSAGE_BYTES} (or negative, or not a number) is refused
 * instead of allocated: LSP4J would allocate a {@code byte[]} of any size and its reader thread would die
 * of {@link OutOfMemoryError}, leaving a server that never answers again;</li>
 * <li>after a wrong {@code Content-Length} the reader finds the next message again: LSP4J reads the
 * rest of the broken message as header lines, so the next header line begins with that rest and is
 * not recognized, and every later message is lost the same way;</li>
 * <li>a request whose method starts with {@code $/} and that dsls does not serve gets MethodNotFound,
 * as the LSP specification asks (LSP4J answers it with a null result);</li>
 * <li>JSON that cannot be parsed as far as its id is answered with a Parse error and a null id, as
 * JSON-RPC asks (LSP4J only logs it; when it could read the id it already answers with that id).</li>
 * </ul>
 */
final class GuardedLauncherBuilder<T> extends LSPLauncher.Builder<T> {
    /** No message is larger: a 64 MiB file (the most dsls reads) with JSON escaping stays below it. */
    static final int MAX_MESSAGE_BYTES = 128 * 1024 * 1024;

    private MessageJsonHandler jsonHandler;
    private RemoteEndpoint remoteEndpoint;

    @Override
    protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
        this.jsonHandler = handler;
        this.remoteEndpoint = super.createRemoteEndpoint(handler);
        return remoteEndpoint;
    }

    @Override
    protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader, MessageConsumer consumer,
                                                                T remoteProxy) {
        MessageConsumer guarded = message -> {
            if (message instanceof RequestMessage request && request.getMethod() != null
                    && request.getMethod().startsWith("$/") && jsonHandler.getJsonRpcMethod(request.getMethod()) == null) {
                remoteEndpoint.handle(request, List.of(new MessageIssue("Unsupported request method: "
                        + request.getMethod(), ResponseErrorCode.MethodNotFound.getValue())));
                return;
            }
            consumer.consume(message);
        };
        return super.createMessageProcessor(new GuardedMessageProducer(input, jsonHandler, remoteEndpoint), guarded,
                remoteProxy);
    }

    /** LSP4J's stream reader with bounded, resynchronizing header parsing. */
    static final class GuardedMessageProducer extends StreamMessageProducer {
        private static final String CONTENT_LENGTH = CONTENT_LENGTH_HEADER + ":";

        private final MessageIssueHandler issueHandler;

        GuardedMessageProducer(InputStream input, MessageJsonHandler jsonHandler, MessageIssueHandler issueHandler) {
            super(input, jsonHandler, issueHandler);
            this.issueHandler = issueHandler;
        }

        @Override
        protected void fireError(Throwable error) {
            super.fireError(error);
            if (error instanceof JsonParseException) {
                RequestMessage unidentified = new RequestMessage();
                unidentified.setJsonrpc(JSONRPC_VERSION);
                unidentified.setMethod("");
                issueHandler.handle(unidentified, List.of(new MessageIssue("Message could not be parsed: "
                        + error.getMessage(), ResponseErrorCode.ParseError.getValue())));
            }
        }

        @Override
        protected void parseHeader(String line, Headers headers) {
            // The unread rest of a message whose Content-Length was too small ends up before the next header.
            int at = line.indexOf(CONTENT_LENGTH);
            if (at < 0) {
                super.parseHeader(line, headers);
                return;
            }
            String value = line.substring(at + CONTENT_LENGTH.length()).trim();
            long length;
            try {
                length = Long.parseLong(value);
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0 || length > MAX_MESSAGE_BYTES) {
                headers.contentLength = -1;
                fireError(new IllegalStateException("Ignoring a message with Content-Length \"" + value
                        + "\": not a size from 0 to " + MAX_MESSAGE_BYTES + " bytes"));
                return;
            }
            headers.contentLength = (int) length;
        }
    }
}
