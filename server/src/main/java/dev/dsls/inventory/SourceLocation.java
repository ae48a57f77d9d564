package dev.dsls.inventory;

/** Where an inventory object was read: a display path and a 0-based line (as LSP counts). */
public record SourceLocation(String path, int line) {
    @Override
    public String toString() {
        return path + ":" + (line + 1);
    }
}
