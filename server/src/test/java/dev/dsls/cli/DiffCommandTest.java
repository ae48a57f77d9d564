package dev.dsls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dsls.review.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsls diff} through the real command line, in temporary git repositories made with JGit. */
class DiffCommandTest {
    @TempDir
    Path repo;
    Path deploy;
    Path demo;

    @BeforeEach
    void repositoryWithTheDemoCommitted() throws IOException, GitAPIException {
        GitFixture.init(repo);
        demo = GitFixture.write(repo, "deploy/demo.yaml", GitFixture.demo());
        GitFixture.commitAll(repo, "the demo");
        deploy = repo.resolve("deploy");
    }

    private static JsonObject json(CliRunner.Result result) {
        return JsonParser.parseString(result.out()).getAsJsonObject();
    }

    private static JsonObject daemonSet(CliRunner.Result result, int index) {
        return json(result).getAsJsonArray("daemonSets").get(index).getAsJsonObject();
    }

    /** "change|before → after|gained|lost|templateChanged|restarts|waves|minimumDurationSeconds|strategy". */
    private static String summary(JsonObject daemonSet) {
        JsonObject placement = daemonSet.getAsJsonObject("placement");
        JsonObject rollout = daemonSet.getAsJsonObject("rollout");
        return String.join("|", daemonSet.get("change").getAsString(),
                placement.get("before").getAsInt() + " → " + placement.get("after").getAsInt(),
                names(placement.getAsJsonArray("gained")), names(placement.getAsJsonArray("lost")),
                rollout.get("templateChanged").getAsString(), rollout.get("restarts").getAsString(),
                rollout.has("waves") ? rollout.get("waves").getAsString() : "-",
                rollout.has("minimumDurationSeconds") ? rollout.get("minimumDurationSeconds").getAsString() : "-",
                rollout.get("strategy").getAsString());
    }

    private static String names(JsonArray array) {
        return String.join(",", array.asList().stream().map(e -> e.getAsString()).toList());
    }

    /** Each update error as "field|reason|message". */
    private static List<String> updateErrors(JsonObject daemonSet) {
        return daemonSet.getAsJsonArray("updateErrors").asList().stream().map(e -> e.getAsJsonObject())
                .map(e -> e.get("field").getAsString() + "|" + e.get("reason").getAsString() + "|"
                        + e.get("message").getAsString()).toList();
    }

    /** The lines dsls itself writes on stderr (a logging library may add its own). */
    private static List<String> dslsLines(String err) {
        return err.lines().filter(line -> line.startsWith("dsls diff: ")).toList();
    }

    @Test
    void aTemplateChangeThatToleratesTheControlPlaneGainsItAndRestartsTheTwoWorkers() throws IOException {
        Files.writeString(demo, GitFixture.demoOnTheControlPlane());
        CliRunner.Result result = CliRunner.run("diff", "--base", "main", "--format", "json", deploy.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonObject change = daemonSet(result, 0);
        assertEquals("demo", change.get("name").getAsString());
        assertEquals("default", change.get("namespace").getAsString());
        assertEquals(demo.toString(), change.get("path").getAsString());
        assertEquals("modified|2 → 3|kind-control-plane||true|2|2|0|RollingUpdate", summary(change));
        assertEquals(List.of(), updateErrors(change));

        CliRunner.Result text = CliRunner.run("diff", "--base", "main", deploy.toString());
        assertEquals(demo + ": DaemonSet default/demo: modified\n"
                + "  placement: runs on 2 → 3 of 3 nodes · gained: kind-control-plane\n"
                + "  rollout: template changed: restarts 2 pods (kind-worker, kind-worker2) in 2 waves, at least 0s;"
                + " RollingUpdate, maxUnavailable 1, maxSurge 0: up to 1 node at a time lose their old pod before the"
                + " new one starts\n"
                + "\n"
                + "1 DaemonSet against main: 1 modified; 2 pods restart; 0 update errors; 0 errors in the files as they"
                + " are now\n", text.out());
        assertEquals(List.of("dsls diff: inventory " + Path.of("").toAbsolutePath().relativize(
                repo.resolve(".dsls/inventory.yaml").toAbsolutePath()) + ": 3 nodes (workspace " + repo + ")"),
                dslsLines(text.err()));
    }

    @Test
    void aChangeOfTheDaemonSetsOwnMetadataAndOfExplicitDefaultsRestartsNothing() throws IOException {
        Files.writeString(demo, GitFixture.demo()
                .replace("  name: demo\n", "  name: demo\n  labels:\n    team: platform\n")
                .replace("        image: busybox:1.36\n", "        image: busybox:1.36\n"
                        + "        imagePullPolicy: IfNotPresent\n        terminationMessagePolicy: File\n")
                .replace("      containers:\n", "      restartPolicy: Always\n      dnsPolicy: ClusterFirst\n"
                        + "      containers:\n"));
        CliRunner.Result result = CliRunner.run("diff", "--base", "main", "--format", "json", deploy.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("modified|2 → 2|||false|0|0|0|RollingUpdate", summary(daemonSet(result, 0)));
        assertEquals("the pod template is unchanged: no pod is replaced",
                daemonSet(result, 0).getAsJsonObject("rollout").get("note").getAsString());
    }

    @Test
    void aChangedSelectorIsAnUpdateErrorAtSpecSelectorAndFailsTheRun() throws IOException {
        Files.writeString(demo, GitFixture.demo().replace("app: demo", "app: demo-v2"));
        CliRunner.Result result = CliRunner.run("diff", "--base", "main", "--format", "json", deploy.toString());
        assertEquals(1, result.exitCode(), result.err());
        assertEquals(List.of("spec.selector|Invalid|field is immutable: the API server rejects this update,"
                + " spec.selector changes from app=demo to app=demo-v2. Replace the DaemonSet instead, leaving its pods"
                + " running: kubectl delete daemonset demo -n default --cascade=orphan && kubectl apply -f " + demo
                + " (the new DaemonSet adopts the old pods its selector matches and replaces them; delete the others"
                + " once its pods run)"), updateErrors(daemonSet(result, 0)));
        assertEquals("modified|2 → 2|||true|2|2|0|RollingUpdate", summary(daemonSet(result, 0)));
        assertEquals(1, json(result).getAsJsonObject("summary").get("updateErrors").getAsInt());
        assertEquals(0, CliRunner.run("diff", "--base", "main", "--fail-on", "never", deploy.toString()).exitCode());
    }

    @Test
    void aFileAbsentAtTheBaseIsAddedAndMarkdownHasARowPerDaemonSet() throws IOException {
        Files.writeString(demo, GitFixture.demoOnTheControlPlane());
        Files.copy(GitFixture.SAMPLES.resolve("ds.tolerate-all.yaml"), deploy.resolve("node-agent.yaml"));
        CliRunner.Result json = CliRunner.run("diff", "--base", "main", "--format", "json", deploy.toString());
        assertEquals(0, json.exitCode(), json.err());
        assertEquals("added|0 → 3|kind-control-plane,kind-worker,kind-worker2||false|0|0|0|RollingUpdate",
                summary(daemonSet(json, 1)));

        CliRunner.Result markdown = CliRunner.run("diff", "--base", "main", "--format", "markdown", deploy.toString());
        assertEquals(0, markdown.exitCode(), markdown.err());
        assertEquals("""
                #### dsls diff against `main`

                | DaemonSet | change | nodes | gained | lost | restarts | waves | min. duration | update errors |
                |---|---|---|---|---|---|---|---|---|
                | `default/demo` | modified | 2 → 3 of 3 | kind-control-plane | — | 2 | 2 | 0s | — |
                | `kube-system/node-agent` | added | — → 3 of 3 | kind-control-plane, kind-worker, kind-worker2 | — | 0 | 0 | 0s | — |

                2 DaemonSets against main: 1 added, 1 modified; 2 pods restart; 0 update errors; 0 errors in the files as they are now.
                """, markdown.out());
    }

    @Test
    void aFileDeletedSinceTheBaseRemovesItsDaemonSetsAndAMovedOneIsMatchedByName() throws IOException,
            GitAPIException {
        GitFixture.write(repo, "deploy/node-agent.yaml", Files.readString(GitFixture.SAMPLES.resolve("ds.tolerate-all.yaml")));
        GitFixture.commitAll(repo, "the agent");
        Files.delete(deploy.resolve("node-agent.yaml"));
        Path moved = GitFixture.write(repo, "deploy/agents/demo.yaml", GitFixture.demo());
        Files.delete(demo);
        CliRunner.Result result = CliRunner.run("diff", "--base", "main", "--format", "json", deploy.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonObject movedDemo = daemonSet(result, 0);
        assertEquals(moved.toString(), movedDemo.get("path").getAsString());
        assertEquals(demo.toString(), movedDemo.get("basePath").getAsString());
        assertEquals("unchanged|2 → 2|||false|0|0|0|RollingUpdate", summary(movedDemo));
        JsonObject removed = daemonSet(result, 1);
        assertEquals("node-agent", removed.get("name").getAsString());
        assertEquals("removed|3 → 0||kind-control-plane,kind-worker,kind-worker2|false|0|0|0|RollingUpdate",
                summary(removed));
    }

    @Test
    void anOnDeleteTemplateChangeCountsThePodsAndSaysNothingHappensUntilTheyAreDeleted() throws IOException {
        Files.writeString(demo, GitFixture.demo().replace("spec:\n  selector:", "spec:\n  updateStrategy:\n"
                + "    type: OnDelete\n  selector:").replace("busybox:1.36", "busybox:1.37"));
        CliRunner.Result result = CliRunner.run("diff", "--base", "main", "--format", "json", deploy.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonObject change = daemonSet(result, 0);
        assertEquals("modified|2 → 2|||true|2|-|-|OnDelete", summary(change));
        assertEquals("OnDelete: nothing happens until you delete the old pods; each deleted pod is replaced from the"
                + " new template (2 pods on the old template)", change.getAsJsonObject("rollout").get("note").getAsString());
    }

    @Test
    void anUnknownRevisionOrAFileOutsideAnyRepositoryIsAUsageProblem(@TempDir Path elsewhere) throws IOException {
        CliRunner.Result unknown = CliRunner.run("diff", "--base", "nope", deploy.toString());
        assertEquals(2, unknown.exitCode());
        assertEquals(List.of("dsls diff: --base nope: no such revision in the git repository " + repo.toRealPath()
                + " (give a branch, tag or commit it has, e.g. origin/main or HEAD~1)"), dslsLines(unknown.err())
                .stream().filter(line -> !line.startsWith("dsls diff: inventory ")).toList());

        Path outside = GitFixture.write(elsewhere, "demo.yaml", GitFixture.demo());
        CliRunner.Result noRepository = CliRunner.run("diff", "--base", "main", "--nodes",
                GitFixture.SAMPLES.resolve(".dsls/inventory.yaml").toString(), outside.toString());
        assertEquals(2, noRepository.exitCode());
        assertEquals(List.of("dsls diff: " + outside + ": not in a git repository (none above it with a work tree),"
                + " so it has no version at main to compare with"), dslsLines(noRepository.err()));

        CliRunner.Result stdin = CliRunner.run("diff", "--base", "main", "-");
        assertEquals(2, stdin.exitCode());
        assertEquals(List.of("dsls diff: standard input has no git revision to compare with: name the files or"
                + " folders"), dslsLines(stdin.err()));
    }
}
