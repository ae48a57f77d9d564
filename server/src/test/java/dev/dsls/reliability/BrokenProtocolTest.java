package dev.dsls.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server process fed broken JSON-RPC on stdin: it answers with the JSON-RPC error codes where
 * there is someone to answer, and always answers the next valid request. One process takes every fault
 * in turn, so each test also proves the faults before it did no lasting harm; shutdown comes last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokenProtocolTest {
    private static final int PARSE_ERROR = -32700;
    private static final int INVALID_REQUEST = -32600;
    private static final int METHOD_NOT_FOUND = -32601;
    private static final int INVALID_PARAMS = -32602;

    @TempDir
    static Path workspace;
    RawLspProcess server;
    String uri;
    int nextId = 100;

    @BeforeAll
    void start() throws Exception {
        server = RawLspProcess.start();
        server.initialize(workspace);
        uri = workspace.resolve("ds.yaml").toUri().toString();
        server.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri
                + "\",\"languageId\":\"yaml\",\"version\":1,\"text\":" + json(HostileInputs.DEMO) + "}}");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** A hover on {@code selector} of the open demo: the valid request every broken one is followed by. */
    private void assertAnswersHover() throws Exception {
        JsonObject response = server.request(nextId++, "textDocument/hover", hoverParams(uri, 5, 4));
        assertTrue(response.getAsJsonObject("result").getAsJsonObject("contents").get("value").getAsString()
                .contains("selector"), response.toString());
    }

    private static String hoverParams(String uri, int line, int character) {
        return "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":" + line + ",\"character\":" + character + "}}";
    }

    private static int errorCode(JsonObject response) {
        assertTrue(response.has("error"), response.toString());
        return response.getAsJsonObject("error").get("code").getAsInt();
    }

    private static String json(String text) {
        return new com.google.gson.JsonPrimitive(text).toString();
    }

    @Test
    void malformedJsonIsAParseError() throws Exception {
        server.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/hover\",\"params\":{");
        assertEquals(PARSE_ERROR, errorCode(server.awaitResponse(1)), "the id was read before the JSON broke off");
        server.send("{\"jsonrpc\":");
        assertEquals(PARSE_ERROR, errorCode(server.awaitNullIdResponse()), "no id: answered with id null");
        assertAnswersHover();
    }

    @Test
    void jsonThatIsNoMessageDoesNoHarm() throws Exception {
        for (String body : List.of("[]", "42", "\"text\"", "{\"foo\":1}", "null")) {
            server.send(body);
        }
        assertAnswersHover();
    }

    @Test
    void aContentLengthTooSmallCostsOnlyItsOwnMessage() throws Exception {
        String request = RawLspProcess.requestJson(nextId++, "textDocument/hover", hoverParams(uri, 5, 4));
        server.sendRaw("Content-Length: 10\r\n\r\n" + request);
        assertAnswersHover();
    }

    @Test
    void aContentLengthTooLargeCostsOnlyTheMessagesItOverlaps() throws Exception {
        String request = RawLspProcess.requestJson(nextId++, "textDocument/hover", hoverParams(uri, 5, 4));
        server.sendRaw("Content-Length: " + (request.length() + 30) + "\r\n\r\n" + request);
        // The next message completes the oversized one and is lost with it; the one after is answered.
        server.send(RawLspProcess.requestJson(nextId++, "textDocument/hover", hoverParams(uri, 5, 4)));
        assertAnswersHover();
    }

    @Test
    void aNonNumericOrNegativeContentLengthIsSkipped() throws Exception {
        String request = RawLspProcess.requestJson(nextId++, "textDocument/hover", hoverParams(uri, 5, 4));
        server.sendRaw("Content-Length: twelve\r\n\r\n" + request);
        server.sendRaw("Content-Length: -5\r\n\r\n" + request);
        server.sendRaw("\r\n\r\n" + request);
        assertAnswersHover();
    }

    @Test
    void aHugeContentLengthAllocatesNothing() throws Exception {
        server.sendRaw("Content-Length: 2147483647\r\n\r\n{}");
        server.sendRaw("Content-Length: 99999999999999\r\n\r\n{}");
        assertAnswersHover();
        assertTrue(server.isAlive());
        assertFalse(server.stderr().contains("OutOfMemoryError"), server.stderr());
    }

    @Test
    void unknownRequestsAreMethodNotFoundAndUnknownNotificationsAreIgnored() throws Exception {
        assertEquals(METHOD_NOT_FOUND, errorCode(server.request(nextId++, "textDocument/noSuchThing", "{}")));
        assertEquals(METHOD_NOT_FOUND, errorCode(server.request(nextId++, "$/noSuchThing", "{}")));
        server.notify("textDocument/noSuchNotification", "{}");
        server.notify("$/noSuchNotification", "{}");
        assertAnswersHover();
        assertTrue(server.received.stream().noneMatch(m -> m.has("id") && m.get("id").isJsonNull()),
                "a notification gets no response: " + server.received);
    }

    @Test
    void requestsForDocumentsNeverOpenedAreInvalidParams() throws Exception {
        String closed = workspace.resolve("never-opened.yaml").toUri().toString();
        for (String method : List.of("textDocument/hover", "textDocument/completion")) {
            JsonObject response = server.request(nextId++, method, hoverParams(closed, 0, 0));
            assertEquals(INVALID_PARAMS, errorCode(response));
            assertTrue(response.getAsJsonObject("error").get("message").getAsString().contains("is not open"), response.toString());
        }
        assertEquals(INVALID_PARAMS, errorCode(server.request(nextId++, "textDocument/documentSymbol",
                "{\"textDocument\":{\"uri\":\"" + closed + "\"}}")));
        assertAnswersHover();
    }

    @Test
    void paramsOfTheWrongShapeAreAnErrorNotACrash() throws Exception {
        JsonObject response = server.request(nextId++, "textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri
                + "\"},\"position\":\"the middle\"}");
        assertTrue(response.has("error"), response.toString());
        assertTrue(server.request(nextId++, "textDocument/hover", "{}").has("error"));
        assertAnswersHover();
    }

    @Test
    void positionsPastTheEndAreClamped() throws Exception {
        for (String position : List.of("{\"line\":1000,\"character\":0}", "{\"line\":0,\"character\":100000}",
                "{\"line\":-1,\"character\":-1}", "{\"line\":2147483647,\"character\":2147483647}")) {
            String params = "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":" + position + "}";
            assertFalse(server.request(nextId++, "textDocument/hover", params).has("error"), position);
            assertFalse(server.request(nextId++, "textDocument/completion", params).has("error"), position);
        }
        assertAnswersHover();
    }

    @Test
    void editsOutsideTheTextAreClampedAndTheDocumentStaysUsable() throws Exception {
        server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":2},"
                + "\"contentChanges\":[{\"range\":{\"start\":{\"line\":500,\"character\":0},\"end\":{\"line\":900,\"character\":4}},"
                + "\"text\":\"  # appended\\n\"},{\"range\":{\"start\":{\"line\":3,\"character\":999},\"end\":{\"line\":3,"
                + "\"character\":8}},\"text\":\"other\"}]}");
        server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + "file:///nowhere.yaml" + "\",\"version\":2},"
                + "\"contentChanges\":[{\"text\":\"x\"}]}");
        assertAnswersHover();
        JsonObject symbols = server.request(nextId++, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
        assertEquals("DaemonSet other", symbols.getAsJsonArray("result").get(0).getAsJsonObject().get("name").getAsString(),
                "the edit past the end of line 4 replaced \"demo\" (from character 8 to the end)");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void requestsAfterShutdownAreInvalidRequestAndExitEndsWithZero() throws Exception {
        assertTrue(server.request(nextId++, "shutdown", "null").get("result").isJsonNull());
        assertEquals(INVALID_REQUEST, errorCode(server.request(nextId++, "textDocument/hover", hoverParams(uri, 5, 4))));
        assertEquals(INVALID_REQUEST, errorCode(server.request(nextId++, "textDocument/completion", hoverParams(uri, 5, 4))));
        server.notify("exit", "null");
        assertTrue(server.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, server.process.exitValue());
    }
}
