package dev.dsls.review;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * One git repository with a work tree, read with JGit (no git process, no network): the commit a
 * revision names, and the committed bytes of a work-tree file at a commit.
 */
final class GitRepository implements AutoCloseable {
    /** Blobs above this size are not read, as the CLI reads no file above it (no manifest is that large). */
    static final long MAX_BLOB_BYTES = 64L * 1024 * 1024;

    private final Repository repository;
    private final Path workTree;

    private GitRepository(Repository repository, Path workTree) {
        this.repository = repository;
        this.workTree = workTree;
    }

    /** The git directory of the repository that holds the path (searched upward from it), or null. */
    static File findGitDir(Path path) {
        GitReadOnly.install();
        Path directory = directoryOf(path);
        return directory == null ? null : new FileRepositoryBuilder().findGitDir(directory.toFile()).getGitDir();
    }

    /** Opens the repository of a git directory {@link #findGitDir} found for the path; null when it has no work tree. */
    static GitRepository open(File gitDir, Path path) throws IOException {
        GitReadOnly.install();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setGitDir(gitDir);
        Path holder = dotGitHolder(directoryOf(path));
        if (holder != null && Files.isRegularFile(holder.resolve(Constants.DOT_GIT), LinkOption.NOFOLLOW_LINKS)) {
            // A linked work tree or a submodule: .git is a file pointing at the git directory.
            builder.setWorkTree(holder.toFile());
        }
        Repository repository = builder.setMustExist(true).build();
        if (repository.isBare()) {
            repository.close();
            return null;
        }
        try {
            return new GitRepository(repository, repository.getWorkTree().toPath().toRealPath());
        } catch (IOException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    private static Path directoryOf(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return Files.isDirectory(absolute) ? absolute : absolute.getParent();
    }

    private static Path dotGitHolder(Path directory) {
        for (Path d = directory; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(Constants.DOT_GIT), LinkOption.NOFOLLOW_LINKS)) {
                return d;
            }
        }
        return null;
    }

    Path workTree() {
        return workTree;
    }

    /**
     * The commit a revision names (a branch, a tag, {@code HEAD~1}, an abbreviated id, …), or null when the
     * repository has none of that name.
     */
    ObjectId commit(String revision) throws IOException {
        try {
            return repository.resolve(revision + "^{commit}");
        } catch (RevisionSyntaxException | AmbiguousObjectException | IncorrectObjectTypeException e) {
            return null;
        }
    }

    /** HEAD's commit, or null in a repository without commits (or when it cannot be read). */
    ObjectId head() {
        try {
            return commit(Constants.HEAD);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The path relative to the work tree with {@code /} separators ("" for the work tree itself), or null
     * when it lies outside. Symbolic links of the folders above are followed, not the file's own (git
     * records a link as a link).
     */
    String relative(Path path) throws IOException {
        Path real = realPath(path);
        if (!real.startsWith(workTree)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Path part : workTree.relativize(real)) {
            if (!part.toString().isEmpty()) {
                parts.add(part.toString());
            }
        }
        return String.join("/", parts);
    }

    private static Path realPath(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            return absolute;
        }
        Path realParent = Files.exists(parent) ? parent.toRealPath() : realPath(parent);
        return realParent.resolve(absolute.getFileName().toString());
    }

    /**
     * The committed bytes of a file at a commit, or null when the commit has no regular file at that path
     * (absent, a folder, a symbolic link or a submodule).
     */
    byte[] read(ObjectId commitId, String relativePath) throws IOException {
        if (relativePath.isEmpty()) {
            return null;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(commitId);
            try (TreeWalk tree = TreeWalk.forPath(repository, relativePath, commit.getTree())) {
                if (tree == null || !isRegularFile(tree.getFileMode(0))) {
                    return null;
                }
                ObjectLoader loader = repository.open(tree.getObjectId(0), Constants.OBJ_BLOB);
                if (loader.getSize() > MAX_BLOB_BYTES) {
                    throw new IOException(String.format("%s has %d bytes at %s, more than the %d MiB dsls reads",
                            relativePath, loader.getSize(), commitId.abbreviate(7).name(), MAX_BLOB_BYTES >> 20));
                }
                return loader.getBytes();
            }
        }
    }

    /** The regular files below a folder (relative to the work tree, "" for all) at a commit, in tree order. */
    List<String> filesUnder(ObjectId commitId, String folder) throws IOException {
        List<String> files = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(commitId).getTree());
            tree.setRecursive(true);
            if (!folder.isEmpty()) {
                tree.setFilter(PathFilter.create(folder));
            }
            while (tree.next()) {
                String path = tree.getPathString();
                if (isRegularFile(tree.getFileMode(0)) && (folder.isEmpty() || path.startsWith(folder + "/"))) {
                    files.add(path);
                }
            }
        }
        return files;
    }

    private static boolean isRegularFile(FileMode mode) {
        return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    @Override
    public void close() {
        repository.close();
    }
}
