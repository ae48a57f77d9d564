package dev.dsls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.testing.Cursor;
import dev.dsls.testing.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageServerProtocolTest {
    private static final String DEMO = Manifests.DEMO;

    @TempDir
    Path workspace;
    LspTestClient client;

    @BeforeEach
    void start() throws Exception {
        client = LspTestClient.inProcess();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private String uri(String name) {
        return workspace.resolve(name).toUri().toString();
    }

    private static List<org.eclipse.lsp4j.Diagnostic> errors(PublishDiagnosticsParams params) {
        return params.getDiagnostics().stream()
                .filter(d -> d.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error).toList();
    }

    private static boolean has(PublishDiagnosticsParams params, String code) {
        return params.getDiagnostics().stream().anyMatch(d -> code.equals(d.getCode().getLeft()));
    }

    private List<CompletionItem> complete(String uri, Position position) throws Exception {
        return client.server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri),
                position)).get(10, TimeUnit.SECONDS).getRight().getItems();
    }

    @Test
    void announcesIncrementalSyncUtf16AndTheFeatures() throws Exception {
        InitializeResult result = client.initialize(workspace, true, null);
        var capabilities = result.getCapabilities();
        assertEquals("utf-16", capabilities.getPositionEncoding());
        assertEquals(org.eclipse.lsp4j.TextDocumentSyncKind.Incremental, capabilities.getTextDocumentSync().getRight().getChange());
        assertFalse(capabilities.getCodeLensProvider().getResolveProvider());
        assertEquals(List.of("dsls.showPlacement"), capabilities.getExecuteCommandProvider().getCommands());
        assertTrue(result.getServerInfo().getVersion().contains("Kubernetes 1.36"));
    }

    @Test
    void publishesDiagnosticsWithTheDocumentVersionAndKeepsThemFresh() throws Exception {
        client.initialize(workspace, true, null);
        String uri = uri("ds.yaml");
        client.open(uri, DEMO.replace("        app: demo", "        app: other"));
        PublishDiagnosticsParams first = client.awaitDiagnostics(uri, p -> !errors(p).isEmpty());
        assertEquals(1, first.getVersion());
        assertEquals("selector-mismatch", errors(first).get(0).getCode().getLeft());
        assertEquals(new Position(10, 6), errors(first).get(0).getRange().getStart());

        TextDocumentContentChangeEvent fix = new TextDocumentContentChangeEvent(
                new Range(new Position(11, 13), new Position(11, 18)), "demo");
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2), List.of(fix)));
        PublishDiagnosticsParams second = client.awaitDiagnostics(uri, p -> p.getVersion() == 2);
        assertEquals(List.of(), errors(second));
    }

    @Test
    void otherYamlGetsNoDiagnosticsAtAll() throws Exception {
        client.initialize(workspace, true, null);
        String uri = uri("workflow.yaml");
        client.open(uri, "on: push\njobs:\n  build: {runs-on: ubuntu-latest}\n");
        PublishDiagnosticsParams params = client.awaitDiagnostics(uri, p -> true);
        assertEquals(List.of(), params.getDiagnostics());
    }

    @Test
    void completesKeysAtAnyDepthWithRequiredFirstAndDocs() throws Exception {
        client.initialize(workspace, true, null);
        Cursor cursor = Cursor.of(DEMO.replace("        image: busybox:1.36", "        image: busybox:1.36\n        <*>"));
        String uri = uri("ds.yaml");
        client.open(uri, cursor.text());
        List<CompletionItem> items = complete(uri, new Position(cursor.position().line(), cursor.position().character()));
        List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
        assertTrue(labels.contains("imagePullPolicy"), labels.toString());
        assertTrue(labels.contains("resources"));
        assertFalse(labels.contains("image"), "present keys are not offered again");
        assertFalse(labels.contains("name"));
        CompletionItem ports = items.stream().filter(i -> i.getLabel().equals("ports")).findFirst().orElseThrow();
        assertEquals("[]ContainerPort", ports.getDetail());
        assertEquals("ports:\n        - $0", ports.getTextEdit().getLeft().getNewText());
        assertTrue(ports.getDocumentation().getRight().getValue().contains("List of ports to expose from the container"));
    }

    @Test
    void completesEnumValuesAndPlainTextForClientsWithoutSnippets() throws Exception {
        client.initialize(workspace, false, null);
        Cursor cursor = Cursor.of(DEMO.replace("spec:\n  selector:", "spec:\n  updateStrategy:\n    type: <*>\n  selector:"));
        String uri = uri("ds.yaml");
        client.open(uri, cursor.text());
        List<CompletionItem> items = complete(uri, new Position(cursor.position().line(), cursor.position().character()));
        assertEquals(List.of("RollingUpdate", "OnDelete"), items.stream().map(CompletionItem::getLabel).toList());
        assertEquals(org.eclipse.lsp4j.InsertTextFormat.PlainText, items.get(0).getInsertTextFormat());
    }

    @Test
    void offersADaemonSetSkeletonInAnEmptyDocument() throws Exception {
        client.initialize(workspace, false, null);
        String uri = uri("new.yaml");
        client.open(uri, "");
        List<CompletionItem> items = complete(uri, new Position(0, 0));
        CompletionItem skeleton = items.get(0);
        assertEquals("DaemonSet skeleton", skeleton.getLabel());
        assertTrue(skeleton.getTextEdit().getLeft().getNewText().startsWith("apiVersion: apps/v1\nkind: DaemonSet\n"));
        assertFalse(skeleton.getTextEdit().getLeft().getNewText().contains("${"), "plain text for clients without snippets");
    }

    @Test
    void completesWhileTheDocumentDoesNotParse() throws Exception {
        client.initialize(workspace, true, null);
        Cursor cursor = Cursor.of("apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec:\n      tolerations:\n      - operator: <*>\n    bad: [\n");
        String uri = uri("typing.yaml");
        client.open(uri, cursor.text());
        List<CompletionItem> items = complete(uri, new Position(cursor.position().line(), cursor.position().character()));
        assertEquals(List.of("Exists", "Equal"), items.stream().map(CompletionItem::getLabel).toList());
    }

    @Test
    void hoverShowsTheKubernetesDescriptionTypeAndDaemonSetNote() throws Exception {
        client.initialize(workspace, true, null);
        String uri = uri("ds.yaml");
        client.open(uri, DEMO);
        Hover hover = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(5, 4))).get(10, TimeUnit.SECONDS);
        String text = hover.getContents().getRight().getValue();
        assertEquals("markdown", hover.getContents().getRight().getKind());
        assertTrue(text.startsWith("**selector** `LabelSelector` · required"), text);
        assertTrue(text.contains("**In a DaemonSet:** Picks the pods this DaemonSet owns."), text);
        assertTrue(text.contains("Kubernetes 1.36"), text);
    }

    @Test
    void symbolsAndFoldingFollowTheDocuments() throws Exception {
        client.initialize(workspace, true, null);
        String uri = uri("two.yaml");
        client.open(uri, DEMO + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n");
        List<DocumentSymbol> symbols = client.server.getTextDocumentService().documentSymbol(
                new DocumentSymbolParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS)
                .stream().map(e -> e.getRight()).toList();
        assertEquals(List.of("DaemonSet demo", "ConfigMap cfg"), symbols.stream().map(DocumentSymbol::getName).toList());
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec"),
                symbols.get(0).getChildren().stream().map(DocumentSymbol::getName).toList());
        var folds = client.server.getTextDocumentService().foldingRange(
                new FoldingRangeRequestParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS);
        assertTrue(folds.stream().anyMatch(f -> f.getStartLine() == 4 && f.getEndLine() == 15), folds.toString());
    }

    @Test
    void quickFixQuotesAYaml11BooleanAndRenamesAnUnknownField() throws Exception {
        client.initialize(workspace, true, null);
        String uri = uri("fix.yaml");
        String text = DEMO.replace("    spec:\n", "    spec:\n      nodeSelector:\n        gpu: yes\n")
                .replace("spec:\n  selector:", "spec:\n  updateStrategi: {}\n  selector:");
        client.open(uri, text);
        PublishDiagnosticsParams published = client.awaitDiagnostics(uri, p -> errors(p).size() == 2);
        List<CodeAction> actions = new java.util.ArrayList<>();
        for (var diagnostic : errors(published)) {
            actions.addAll(client.server.getTextDocumentService().codeAction(new CodeActionParams(
                    new TextDocumentIdentifier(uri), diagnostic.getRange(), new CodeActionContext(List.of(diagnostic))))
                    .get(10, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList());
        }
        assertEquals(List.of("Change to \"updateStrategy\"", "Quote the value: \"yes\""),
                actions.stream().map(CodeAction::getTitle).toList());
        TextEdit quote = actions.get(1).getEdit().getChanges().get(uri).get(0);
        assertEquals("\"yes\"", quote.getNewText());
        assertEquals(new Range(new Position(15, 13), new Position(15, 16)), quote.getRange());
    }

    @Test
    void settingsFromInitializationOptionsTurnChecksOff() throws Exception {
        client.initialize(workspace, false, LspTestClient.json("{\"settings\":{\"dsls\":{\"checks\":{\"disabled\":[\"selector-mismatch\"]}}}}"));
        String uri = uri("ds.yaml");
        client.open(uri, DEMO.replace("        app: demo", "        app: other"));
        PublishDiagnosticsParams params = client.awaitDiagnostics(uri, p -> true);
        assertEquals(List.of(), errors(params));
        assertTrue(has(params, "missing-cpu-request"), "other checks still run");
    }

    @Test
    void settingsPushedByDidChangeConfigurationApplyWithoutRestart() throws Exception {
        client.initialize(workspace, false, null);
        String uri = uri("ds.yaml");
        client.open(uri, DEMO.replace("        app: demo", "        app: other"));
        client.awaitDiagnostics(uri, p -> has(p, "selector-mismatch"));
        client.server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(
                LspTestClient.json("{\"dsls\":{\"checks\":{\"disabled\":[\"selector-mismatch\"]}}}")));
        client.awaitDiagnostics(uri, p -> !has(p, "selector-mismatch") && has(p, "missing-cpu-request"));
        assertEquals(0, client.configurationRequests.get(), "a client without workspace/configuration is never asked");
    }

    @Test
    void settingsArePulledWhenTheClientServesThem() throws Exception {
        client.configuration = LspTestClient.json("{\"checks\":{\"disabled\":[\"selector-mismatch\"]}}");
        client.initialize(workspace, true, null);
        String uri = uri("ds.yaml");
        client.open(uri, DEMO.replace("        app: demo", "        app: other"));
        client.awaitDiagnostics(uri, p -> !has(p, "selector-mismatch") && has(p, "missing-cpu-request"));
        assertTrue(client.configurationRequests.get() >= 1);
    }

    @Test
    void requestsForUnopenedDocumentsAndAfterShutdownAreErrors() throws Exception {
        client.initialize(workspace, true, null);
        ExecutionException unopened = assertThrows(ExecutionException.class, () -> client.server.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri("never.yaml")), new Position(0, 0))).get(10, TimeUnit.SECONDS));
        assertTrue(unopened.getCause() instanceof ResponseErrorException);
        assertEquals(-32602, ((ResponseErrorException) unopened.getCause()).getResponseError().getCode());

        String uri = uri("ds.yaml");
        client.open(uri, DEMO);
        Hover farAway = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(999, 999))).get(10, TimeUnit.SECONDS);
        assertNull(farAway);

        assertNull(client.server.shutdown().get(10, TimeUnit.SECONDS));
        ExecutionException afterShutdown = assertThrows(ExecutionException.class, () -> client.server.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 0))).get(10, TimeUnit.SECONDS));
        assertEquals(-32600, ((ResponseErrorException) afterShutdown.getCause()).getResponseError().getCode());
        client.server.exit();
        long deadline = System.currentTimeMillis() + 5000;
        while (client.exitCode.get() < 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, client.exitCode.get());
        assertNotNull(Files.createTempFile(workspace, "x", ".yaml"));
    }
}
