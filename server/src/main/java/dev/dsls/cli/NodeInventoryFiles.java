package dev.dsls.cli;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryLoader;
import dev.dsls.inventory.InventoryProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Loads the {@code --nodes} files of check and preview, reporting their problems on standard error. */
final class NodeInventoryFiles {
    private NodeInventoryFiles() {
    }

    /** The declared inventory (empty without --nodes); an unreadable file is a usage problem (exit 2). */
    static Inventory load(List<String> files, String command, PrintWriter err) throws InputFiles.UsageException {
        if (files.isEmpty()) {
            return Inventory.EMPTY;
        }
        InventoryLoader.Loaded loaded;
        try {
            loaded = InventoryLoader.load(files.stream().map(Path::of).toList());
        } catch (InventoryLoader.UnreadableException e) {
            throw new InputFiles.UsageException(e.getMessage());
        }
        for (InventoryProblem problem : loaded.problems()) {
            err.println("dsls " + command + ": " + problem.render());
        }
        err.flush();
        return loaded.inventory();
    }
}
