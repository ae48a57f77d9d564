package dev.dsls.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Temporary git repositories for the review tests, made with JGit (no git process): the chapter's
 * kind inventory in {@code .dsls/inventory.yaml}, files written and committed on branch {@code main}.
 */
public final class GitFixture {
    public static final Path SAMPLES = Path.of("..", "samples");

    private GitFixture() {
    }

    /** The chapter's DaemonSet, samples/ds.demo.yaml. */
    public static String demo() throws IOException {
        return Files.readString(SAMPLES.resolve("ds.demo.yaml"));
    }

    /** The demo, also tolerating the control plane's taint. */
    public static String demoOnTheControlPlane() throws IOException {
        return demo().replace("      containers:\n", "      tolerations:\n"
                + "      - key: node-role.kubernetes.io/control-plane\n        operator: Exists\n        effect: NoSchedule\n"
                + "      containers:\n");
    }

    /** A new repository in the folder with the workspace inventory, nothing committed yet. */
    public static void init(Path repository) throws IOException, GitAPIException {
        GitReadOnly.install();
        Files.createDirectories(repository.resolve(".dsls"));
        Files.copy(SAMPLES.resolve(".dsls/inventory.yaml"), repository.resolve(".dsls/inventory.yaml"));
        Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call().close();
    }

    /** Writes a file of the repository (its folders made). */
    public static Path write(Path repository, String relative, String text) throws IOException {
        Path file = repository.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** Commits every file of the work tree, deletions included. */
    public static void commitAll(Path repository, String message) throws IOException, GitAPIException {
        try (Git git = Git.open(repository.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setAll(true).setMessage(message).setAuthor("dsls test", "test@dsls.dev")
                    .setCommitter("dsls test", "test@dsls.dev").setSign(false).call();
        }
    }
}
