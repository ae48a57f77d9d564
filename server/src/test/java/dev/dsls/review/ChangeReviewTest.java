package dev.dsls.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryLoader;
import dev.dsls.testing.Problems;
import dev.dsls.yaml.TextIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's delta against HEAD: the lens text and the update errors as diagnostics. */
class ChangeReviewTest {
    @TempDir
    Path repo;
    Path demo;
    Inventory inventory;
    final ChangeReview review = new ChangeReview();

    @BeforeEach
    void repositoryWithTheDemoAtHead() throws IOException, GitAPIException {
        GitFixture.init(repo);
        demo = GitFixture.write(repo, "deploy/demo.yaml", GitFixture.demo());
        GitFixture.commitAll(repo, "the demo");
        inventory = InventoryLoader.load(List.of(repo.resolve(".dsls/inventory.yaml"))).inventory();
    }

    @AfterEach
    void close() {
        review.close();
    }

    private ManifestFile edited(Path file, String text) {
        return ManifestFile.edited(file.toUri().toString(), 1, text, null);
    }

    /** Each delta as "name|lens". */
    private List<String> lenses(Path file, String text) {
        List<String> lenses = new ArrayList<>();
        for (ChangeReview.Delta delta : review.againstHead(file, edited(file, text), inventory)) {
            lenses.add(delta.daemonSet().name() + "|" + delta.lens());
        }
        return lenses;
    }

    @Test
    void theLensSaysWhatTheEditDoesComparedWithHead() throws IOException {
        assertEquals(List.of("demo|null"), lenses(demo, GitFixture.demo()));
        assertEquals(List.of("demo|was 2 at HEAD · template changed: restarts 2 pods in 2 waves"),
                lenses(demo, GitFixture.demoOnTheControlPlane()));
        assertEquals(List.of("demo|changed since HEAD, no pod replaced"),
                lenses(demo, GitFixture.demo().replace("  name: demo\n", "  name: demo\n  labels: {team: a}\n")));
        assertEquals(List.of("demo|template changed: restarts 2 pods in 2 waves, at least 1m"),
                lenses(demo, GitFixture.demo().replace("spec:\n  selector:", "spec:\n  minReadySeconds: 30\n  selector:")
                        .replace("busybox:1.36", "busybox:1.37")));
        assertEquals(List.of("demo|new since HEAD"), lenses(repo.resolve("deploy/other.yaml"), GitFixture.demo()));
    }

    @Test
    void aNewCommitIsTheNewBase() throws IOException, GitAPIException {
        assertEquals(List.of("demo|was 2 at HEAD · template changed: restarts 2 pods in 2 waves"),
                lenses(demo, GitFixture.demoOnTheControlPlane()));
        GitFixture.write(repo, "deploy/demo.yaml", GitFixture.demoOnTheControlPlane());
        GitFixture.commitAll(repo, "on the control plane too");
        assertEquals(List.of("demo|null"), lenses(demo, GitFixture.demoOnTheControlPlane()));
    }

    @Test
    void aChangedSelectorIsADiagnosticOnSpecSelector() throws IOException {
        String text = GitFixture.demo().replace("app: demo", "app: demo-v2");
        List<ChangeReview.Delta> deltas = review.againstHead(demo, edited(demo, text), inventory);
        assertEquals(1, deltas.size());
        assertEquals("template changed: restarts 2 pods in 2 waves · update rejected: spec.selector is immutable",
                deltas.get(0).lens());
        TextIndex index = new TextIndex(text);
        List<String> rendered = new ArrayList<>();
        for (Diagnostic d : deltas.get(0).diagnostics()) {
            rendered.add(Problems.covered(index, d.range()) + "|" + d.severity() + "|" + d.code() + "|" + d.field() + "|"
                    + d.reason() + "|" + d.message());
        }
        assertEquals(List.of("selector|ERROR|immutable-selector|spec.selector|Invalid|field is immutable: the API server"
                + " rejects this update, spec.selector changes from app=demo to app=demo-v2. Replace the DaemonSet"
                + " instead, leaving its pods running: kubectl delete daemonset demo -n default --cascade=orphan &&"
                + " kubectl apply -f " + demo + " (the new DaemonSet adopts the old pods its selector matches and"
                + " replaces them; delete the others once its pods run)"), rendered);
    }

    @Test
    void outsideAGitRepositoryThereIsNoDelta(@TempDir Path elsewhere) throws IOException {
        Path file = GitFixture.write(elsewhere, "demo.yaml", GitFixture.demo());
        assertEquals(List.of(), review.againstHead(file, edited(file, GitFixture.demoOnTheControlPlane()), inventory));
    }
}
