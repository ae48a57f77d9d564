package dev.dsls.review;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.analysis.PlacementCache;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.inventory.Inventory;
import dev.dsls.scheduling.Placement;
import dev.dsls.schema.ManifestObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The editor's view of a change: each DaemonSet of an open file against the file's version at
 * {@code HEAD} of the git repository that holds it, as the text the code lens appends ("was 2 at HEAD ·
 * template changed: restarts 2 pods in 2 waves") and the update errors as diagnostics. Protocol-free;
 * cheap to call on every edit: the repository is opened once, HEAD is resolved per call (a ref read)
 * and the file at HEAD is read and parsed once per HEAD commit, so its placements are cached too.
 * Within one file only: a DaemonSet moved from another file reads as new.
 */
public final class ChangeReview implements AutoCloseable {
    /** One DaemonSet of the current file and what changed since HEAD. */
    public record Delta(ManifestObject daemonSet, DaemonSetChange change, String lens, List<Diagnostic> diagnostics) {
        public Delta {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** The file at one HEAD commit: null when HEAD has no such file. */
    private record Head(ObjectId commit, ManifestFile file) {
    }

    /** The repositories opened so far, by git directory. */
    private final Map<Path, GitRepository> repositories = new ConcurrentHashMap<>();
    private final Map<Path, Head> heads = new ConcurrentHashMap<>();
    private final PlacementCache basePlacements = new PlacementCache();

    /**
     * The deltas of the file's DaemonSets against HEAD, one per DaemonSet of {@code current} that has a
     * name; empty when the file is in no git repository, the repository has no commit yet, or it cannot be
     * read (the editor then shows the placement alone).
     *
     * @param file             the file on disk the editor's text belongs to
     * @param inventory        the workspace inventory (the file's own Node documents are laid over it, as for the placement)
     * @param currentPlacement the placement the editor already has for a DaemonSet of {@code current}
     */
    public List<Delta> againstHead(Path file, ManifestFile current, Inventory inventory,
                                   Function<ManifestObject, Placement> currentPlacement) {
        Head head = head(file);
        if (head == null) {
            return List.of();
        }
        List<DaemonSetChange> changes = DaemonSetDiff.compare(List.of(new FileVersion(current.path(), head.file(),
                current)), inventory, basePlacements::placement, (daemonSet, ignored) -> currentPlacement.apply(daemonSet));
        List<Delta> deltas = new ArrayList<>();
        for (DaemonSetChange change : changes) {
            if (change.current() != null) {
                deltas.add(new Delta(change.current(), change, lens(change), change.diagnostics()));
            }
        }
        return deltas;
    }

    /** The deltas, placed with this review's own cache (for callers without placements of their own). */
    public List<Delta> againstHead(Path file, ManifestFile current, Inventory inventory) {
        PlacementCache own = new PlacementCache();
        Inventory effective = current.inventory(inventory);
        return againstHead(file, current, inventory, daemonSet -> own.placement(daemonSet, effective));
    }

    /**
     * What the lens appends to "runs on 3 of 3 nodes": "was 2 at HEAD · template changed: restarts 2 pods in
     * 2 waves"; null when nothing changed since HEAD.
     */
    static String lens(DaemonSetChange change) {
        switch (change.change()) {
            case UNCHANGED:
                return null;
            case ADDED:
                return "new since HEAD";
            default:
                break;
        }
        List<String> parts = new ArrayList<>();
        if (change.before().size() != change.after().size()) {
            parts.add("was " + change.before().size() + " at HEAD");
        } else if (!change.gained().isEmpty() || !change.lost().isEmpty()) {
            parts.add("nodes changed since HEAD: +" + change.gained().size() + " −" + change.lost().size());
        }
        int restarts = change.restarts().size();
        if (!change.templateChanged()) {
            parts.add("changed since HEAD, no pod replaced");
        } else if (restarts == 0) {
            parts.add("template changed: no running pod to replace");
        } else if (change.onDelete()) {
            parts.add("template changed: " + ReviewReport.pods(restarts) + " keep the old one until deleted (OnDelete)");
        } else if (change.waves() == null) {
            parts.add("template changed: " + ReviewReport.pods(restarts) + " to replace, rollout invalid");
        } else {
            parts.add("template changed: restarts " + ReviewReport.pods(restarts) + " in "
                    + ReviewReport.waves(change.waves())
                    + (change.minimumDurationSeconds() > 0 ? ", at least " + ReviewReport.duration(
                    change.minimumDurationSeconds()) : ""));
        }
        if (!change.updateErrors().isEmpty()) {
            parts.add("update rejected: spec.selector is immutable");
        }
        return String.join(" · ", parts);
    }

    private Head head(Path file) {
        try {
            File gitDir = GitRepository.findGitDir(file);
            if (gitDir == null) {
                return null;
            }
            Path key = gitDir.toPath().toAbsolutePath().normalize();
            GitRepository repository = repositories.get(key);
            if (repository == null) {
                repository = GitRepository.open(gitDir, file);
                if (repository == null) {
                    return null;
                }
                GitRepository raced = repositories.putIfAbsent(key, repository);
                if (raced != null) {
                    repository.close();
                    repository = raced;
                }
            }
            ObjectId commit = repository.head();
            if (commit == null) {
                return null;
            }
            Path absolute = file.toAbsolutePath().normalize();
            Head known = heads.get(absolute);
            if (known != null && known.commit().equals(commit)) {
                return known;
            }
            String relative = repository.relative(file);
            if (relative == null) {
                return null;
            }
            byte[] bytes = repository.read(commit, relative);
            Head head = new Head(commit, bytes == null ? null : ManifestFile.read(file.toString(), bytes));
            heads.put(absolute, head);
            return head;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Forgets the HEAD version kept for a file the editor closed. */
    public void forget(Path file) {
        heads.remove(file.toAbsolutePath().normalize());
    }

    @Override
    public void close() {
        repositories.values().forEach(GitRepository::close);
        repositories.clear();
        heads.clear();
    }
}
