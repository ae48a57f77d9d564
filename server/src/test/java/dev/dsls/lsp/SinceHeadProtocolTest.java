package dev.dsls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.dsls.review.GitFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a git repository the editor shows what an unsaved change does against HEAD. */
class SinceHeadProtocolTest {
    @TempDir
    Path repository;
    LspTestClient client;

    @BeforeEach
    void start() throws Exception {
        GitFixture.init(repository);
        GitFixture.write(repository, "ds.yaml", GitFixture.demo());
        GitFixture.commitAll(repository, "the demo");
        client = LspTestClient.inProcess();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    @Test
    void theLensAddsTheDeltaAndAChangedSelectorIsAnUpdateError() throws Exception {
        client.initialize(repository, true, null);
        long deadline = System.currentTimeMillis() + 10_000;
        while (client.server.inventory(new JsonObject()).get(10, TimeUnit.SECONDS).get("nodes").getAsInt() != 3
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        String uri = repository.resolve("ds.yaml").toUri().toString();
        client.open(uri, GitFixture.demoOnTheControlPlane());
        client.awaitDiagnostics(uri, p -> Integer.valueOf(1).equals(p.getVersion()));
        List<CodeLens> lenses = client.server.getTextDocumentService()
                .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS).stream()
                .map(CodeLens.class::cast).toList();
        assertEquals("runs on 3 of 3 nodes · was 2 at HEAD · template changed: restarts 2 pods in 2 waves",
                lenses.get(0).getCommand().getTitle());
        String moved = GitFixture.demo().replace("app: demo", "app: demo2");
        client.server.getTextDocumentService().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(
                new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri, 2),
                List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(moved))));
        var published = client.awaitDiagnostics(uri, p -> Integer.valueOf(2).equals(p.getVersion()));
        assertEquals(List.of("selector"), published.getDiagnostics().stream()
                .filter(d -> d.getCode().getLeft().equals("immutable-selector"))
                .map(d -> moved.lines().toList().get(d.getRange().getStart().getLine()).strip().replace(":", "")).toList());
    }
}
