package dev.dsls.cli;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryLoader;
import dev.dsls.inventory.InventoryProblem;
import dev.dsls.inventory.InventoryReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the inventory files of a CLI run ({@code --nodes}, or the workspace's), reporting their problems on stderr. */
final class NodeInventoryFiles {
    private NodeInventoryFiles() {
    }

    /**
     * The inventory in the files, in order; {@code -} is standard input. An unreadable file is a usage
     * problem (exit 2); problems inside a file are printed and the rest of it is used.
     */
    static Inventory load(List<String> files, InputStream stdin, String command, PrintWriter err)
            throws InputFiles.UsageException {
        if (files.isEmpty()) {
            return Inventory.EMPTY;
        }
        List<InventoryReader.Contents> contents = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        try {
            for (String file : files) {
                if (file.equals(InputFiles.STDIN)) {
                    contents.add(InventoryReader.read("<stdin>", stdin.readAllBytes()));
                    paths.add("<stdin>");
                } else {
                    contents.add(InventoryLoader.read(Path.of(file)));
                    paths.add(file);
                }
            }
        } catch (IOException e) {
            throw new InputFiles.UsageException(e.getMessage());
        }
        InventoryLoader.Loaded loaded = InventoryLoader.combine(contents, paths);
        for (InventoryProblem problem : loaded.problems()) {
            err.println("dsls " + command + ": " + problem.render());
        }
        err.flush();
        return loaded.inventory();
    }
}
