package dev.dsls.reliability;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real server process ({@code dsls lsp}) driven with raw bytes: whatever is written reaches its
 * stdin unchecked, and every JSON-RPC message on its stdout is parsed and kept.
 */
final class RawLspProcess implements AutoCloseable {
    private static final long WAIT_SECONDS = 20;

    final Process process;
    /** Every message the server sent, in order. */
    final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final OutputStream stdin;

    private RawLspProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        daemon("dsls-stdout", () -> readFrames(process.getInputStream()));
        daemon("dsls-stderr", () -> {
            try (InputStream err = process.getErrorStream()) {
                err.transferTo(stderr);
            } catch (IOException e) {
                // the process ended
            }
        });
    }

    /** Starts {@code java [jvmOptions] -cp <test classpath> dev.dsls.cli.Main lsp}. */
    static RawLspProcess start(List<String> jvmOptions) throws IOException {
        return new RawLspProcess(new ProcessBuilder(serverCommand(jvmOptions)).start());
    }

    /** The same under {@code strace -f}, recording process starts, network calls and file opens to the trace file. */
    static RawLspProcess startTraced(Path trace, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-o", trace.toString(),
                "-e", "trace=execve,socket,connect,bind,listen,accept,accept4,sendto,sendmsg,open,openat,creat"));
        command.addAll(serverCommand(jvmOptions));
        return new RawLspProcess(new ProcessBuilder(command).start());
    }

    private static List<String> serverCommand(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.dsls.cli.Main", "lsp"));
        return command;
    }

    static RawLspProcess start() throws IOException {
        return start(List.of());
    }

    void sendRaw(String bytes) throws IOException {
        stdin.write(bytes.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Sends a body with a correct Content-Length header. */
    void send(String json) throws IOException {
        sendRaw(frame(json));
    }

    static String frame(String json) {
        return "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    void notify(String method, String params) throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    /** Sends a request and returns its response (result or error). */
    JsonObject request(int id, String method, String params) throws Exception {
        send(requestJson(id, method, params));
        return awaitResponse(id);
    }

    static String requestJson(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    JsonObject awaitResponse(int id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonObject message = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && message.has("id") && !message.has("method") && !message.get("id").isJsonNull()
                    && message.get("id").getAsInt() == id) {
                return message;
            }
        }
        throw new AssertionError("no response to request " + id + "; received " + received + "\nstderr: " + stderr());
    }

    /** The first response with a null id (what JSON-RPC answers to a message it could not read), waiting a while. */
    JsonObject awaitNullIdResponse() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonObject message = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && message.has("id") && message.get("id").isJsonNull()) {
                return message;
            }
        }
        throw new AssertionError("no response with a null id; received " + received + "\nstderr: " + stderr());
    }

    /** The initialize handshake, as an editor without special capabilities sends it. */
    void initialize(Path root) throws Exception {
        request(0, "initialize", "{\"processId\":null,\"rootUri\":\"" + root.toUri() + "\",\"capabilities\":{}}");
        notify("initialized", "{}");
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void readFrames(InputStream out) {
        try (out) {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine(out)).isEmpty()) {
                    if (line.startsWith("Content-Length:")) {
                        length = Integer.parseInt(line.substring("Content-Length:".length()).trim());
                    }
                }
                byte[] body = out.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                JsonObject message = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
                received.add(message);
                inbox.add(message);
            }
        } catch (IOException | RuntimeException e) {
            // the process ended
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) {
                throw new IOException("end of stream");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the session as an editor does (shutdown, exit) and waits for the process; kills it if it lingers. */
    int shutdownAndExit(int id) throws Exception {
        request(id, "shutdown", "null");
        notify("exit", "null");
        stdin.close();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not exit after exit");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
