package dev.dsls.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole LSP session of the real server process opens no network connection, starts no process and
 * writes no file: recorded with JDK Flight Recorder (socket, file and process events at threshold 0),
 * and traced with strace where it is installed (every execve, socket, connect and file opened for writing).
 */
class NoSideEffectsTest {
    private static final Path SAMPLE_INVENTORY = Path.of("..", "samples", ".dsls", "inventory.yaml");
    /** JFR's and the JVM's own logging go to stderr, so stdout carries nothing but JSON-RPC. */
    private static final List<String> QUIET_JVM = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");

    @TempDir
    Path temp;

    private Path workspace() throws IOException {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.copy(SAMPLE_INVENTORY, Files.createDirectories(workspace.resolve(".dsls")).resolve("inventory.yaml"));
        return workspace;
    }

    /** What an editor does in a session: every feature, an edit, a save, then shutdown and exit. */
    private static void session(RawLspProcess server, Path workspace) throws Exception {
        server.initialize(workspace);
        String uri = workspace.resolve("ds.yaml").toUri().toString();
        String document = "{\"textDocument\":{\"uri\":\"" + uri + "\"}}";
        String at = "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":5,\"character\":4}}";
        server.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"yaml\","
                + "\"version\":1,\"text\":" + new com.google.gson.JsonPrimitive(HostileInputs.DEMO) + "}}");
        int id = 1;
        for (String method : List.of("textDocument/hover", "textDocument/completion")) {
            assertTrue(server.request(id++, method, at).has("result"));
        }
        for (String method : List.of("textDocument/codeLens", "textDocument/documentSymbol",
                "textDocument/foldingRange", "dsls/placement", "dsls/inventory")) {
            assertTrue(server.request(id++, method, document).has("result"), method);
        }
        server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":2},"
                + "\"contentChanges\":[{\"text\":\"kind: DaemonSet\\n\"}]}");
        server.notify("textDocument/didSave", document);
        server.notify("workspace/didChangeWatchedFiles", "{\"changes\":[]}");
        assertEquals(0, server.shutdownAndExit(id));
    }

    @Test
    void flightRecordingShowsNoSocketNoProcessAndNoFileWrite() throws Exception {
        Path recording = temp.resolve("session.jfr");
        Path settings = Files.writeString(temp.resolve("io.jfc"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="dsls side effects">
                  <event name="jdk.SocketRead"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting><setting name="stackTrace">true</setting></event>
                  <event name="jdk.SocketWrite"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting><setting name="stackTrace">true</setting></event>
                  <event name="jdk.FileRead"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting><setting name="stackTrace">true</setting></event>
                  <event name="jdk.FileWrite"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting><setting name="stackTrace">true</setting></event>
                  <event name="jdk.ProcessStart"><setting name="enabled">true</setting><setting name="stackTrace">true</setting></event>
                </configuration>
                """);
        List<String> jvm = new ArrayList<>(QUIET_JVM);
        jvm.add("-XX:StartFlightRecording=filename=" + recording + ",settings=" + settings);
        Path workspace = workspace();
        try (RawLspProcess server = RawLspProcess.start(jvm)) {
            session(server, workspace);
        }

        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        List<String> forbidden = new ArrayList<>();
        List<String> readFiles = new ArrayList<>();
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.SocketRead", "jdk.SocketWrite", "jdk.ProcessStart" -> forbidden.add(event.toString());
                case "jdk.FileWrite" -> {
                    if (event.getString("path") != null) {
                        forbidden.add(event.toString());
                    }
                }
                case "jdk.FileRead" -> readFiles.add(event.getString("path"));
                default -> {
                }
            }
        }
        assertEquals(List.of(), forbidden, "only stdout and stderr (no path) may be written");
        assertTrue(readFiles.contains(workspace.resolve(".dsls").resolve("inventory.yaml").toString()),
                "the recording saw file I/O: the inventory read is in it");
        assertTrue(events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.FileWrite")),
                "the recording saw the JSON-RPC written to stdout");
    }

    @Test
    void straceShowsNoExecNoConnectAndNoFileOpenedForWriting() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
        Path trace = temp.resolve("strace.txt");
        List<String> jvm = new ArrayList<>(QUIET_JVM);
        jvm.add("-XX:-UsePerfData"); // the JVM's own /tmp/hsperfdata file, for jstat: not dsls' doing
        Path workspace = workspace();
        try (RawLspProcess server = RawLspProcess.startTraced(trace, jvm)) {
            session(server, workspace);
        }
        List<String> lines = Files.readAllLines(trace);
        Assumptions.assumeFalse(lines.stream().anyMatch(l -> l.contains("PTRACE") && l.contains("Operation not permitted")),
                "ptrace is not permitted here");

        List<String> execs = lines.stream().filter(l -> l.matches("\\d+ +execve\\(.*= 0$")).toList();
        assertEquals(1, execs.size(), "only the java launcher itself: " + execs);
        // socket() alone is allowed: when NIO first loads libnet.so, its JNI_OnLoad probes for IPv6 support by
        // opening (and closing) an AF_INET6 and an AF_INET socket. Nothing may connect, bind, listen or send,
        // except glibc asking the local name-service cache (an AF_UNIX socket) who the user is.
        assertEquals(List.of(), lines.stream().filter(l -> l.matches("\\d+ +(connect|bind|listen|accept4?|sendto|sendmsg)\\(.*")
                && !l.contains("sun_path=\"/var/run/nscd/socket\"")).toList(), "no network");
        Pattern writeOpen = Pattern.compile("\\d+ +open(?:at)?\\((?:AT_FDCWD, )?\"([^\"]*)\", ([^,)]*).*");
        List<String> writes = new ArrayList<>();
        for (String line : lines) {
            Matcher open = writeOpen.matcher(line);
            if (open.matches() && open.group(2).matches(".*(O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND).*")
                    && !open.group(1).startsWith("/dev/") && !open.group(1).startsWith("/proc/")
                    && !open.group(1).startsWith("/sys/")) {
                writes.add(line);
            }
        }
        assertEquals(List.of(), writes, "no file opened for writing");
        assertTrue(lines.stream().anyMatch(l -> l.contains("inventory.yaml")), "the trace saw the inventory read");
    }
}
