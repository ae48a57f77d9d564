package dev.dsls.review;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Files as they are at one git revision (the {@code --base} of {@code dsls diff}), each read from the
 * repository that holds it, found upward from the file. The repositories and the commit the revision
 * names in each are opened once per run.
 */
public final class BaseRevision implements AutoCloseable {
    private record Opened(GitRepository repository, ObjectId commit) {
    }

    private final String revision;
    private final Map<Path, Opened> byGitDir = new LinkedHashMap<>();

    public BaseRevision(String revision) {
        this.revision = revision;
    }

    public String revision() {
        return revision;
    }

    /** The file's bytes at the revision, or null when the revision has no such file. */
    public byte[] read(Path file) throws ReviewException {
        Opened opened = open(file);
        try {
            String relative = relative(opened, file);
            return opened.repository().read(opened.commit(), relative);
        } catch (IOException e) {
            throw new ReviewException(file + ": cannot read it at " + revision + ": " + e.getMessage());
        }
    }

    /**
     * The manifests ({@code *.yaml}, {@code *.yml}, {@code *.json}, not in dot-folders) below a folder at
     * the revision that the working tree no longer has, as paths below the folder as it was given.
     */
    public List<Path> deletedUnder(Path folder) throws ReviewException {
        Opened opened = open(folder);
        List<Path> deleted = new ArrayList<>();
        try {
            String relative = relative(opened, folder);
            for (String file : opened.repository().filesUnder(opened.commit(), relative)) {
                String below = relative.isEmpty() ? file : file.substring(relative.length() + 1);
                Path path = folder.resolve(below);
                if (isManifestName(below) && !inDotFolder(below) && !Files.exists(path)) {
                    deleted.add(path);
                }
            }
        } catch (IOException e) {
            throw new ReviewException(folder + ": cannot list it at " + revision + ": " + e.getMessage());
        }
        return deleted;
    }

    private String relative(Opened opened, Path path) throws IOException, ReviewException {
        String relative = opened.repository().relative(path);
        if (relative == null) {
            throw new ReviewException(path + ": lies outside the work tree of the git repository "
                    + opened.repository().workTree());
        }
        return relative;
    }

    private Opened open(Path path) throws ReviewException {
        File gitDir = GitRepository.findGitDir(path);
        if (gitDir == null) {
            throw noRepository(path);
        }
        Path key = gitDir.toPath().toAbsolutePath().normalize();
        Opened known = byGitDir.get(key);
        if (known != null) {
            return known;
        }
        GitRepository repository;
        try {
            repository = GitRepository.open(gitDir, path);
        } catch (IOException | RuntimeException e) {
            throw new ReviewException(path + ": cannot open the git repository " + gitDir + ": " + e.getMessage());
        }
        if (repository == null) {
            throw noRepository(path);
        }
        ObjectId commit;
        try {
            commit = repository.commit(revision);
        } catch (IOException | RuntimeException e) {
            repository.close();
            throw new ReviewException("--base " + revision + ": cannot read the git repository "
                    + repository.workTree() + ": " + e.getMessage());
        }
        if (commit == null) {
            repository.close();
            throw new ReviewException("--base " + revision + ": no such revision in the git repository "
                    + repository.workTree() + " (give a branch, tag or commit it has, e.g. origin/main or HEAD~1)");
        }
        Opened opened = new Opened(repository, commit);
        byGitDir.put(key, opened);
        return opened;
    }

    private ReviewException noRepository(Path path) {
        return new ReviewException(path + ": not in a git repository (none above it with a work tree), so it has"
                + " no version at " + revision + " to compare with");
    }

    private static boolean isManifestName(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static boolean inDotFolder(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        byGitDir.values().forEach(opened -> opened.repository().close());
        byGitDir.clear();
    }
}
