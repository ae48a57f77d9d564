package dev.dsls.yaml;

/**
 * Bounds that keep hostile input from exhausting time or memory.
 *
 * @param maxDocumentBytes  UTF-8 size of one document; the API server refuses requests over 3 MiB
 * @param maxNestingDepth   collections inside collections
 * @param maxAliases        alias uses of collections in one document
 * @param maxExpandedNodes  nodes after alias expansion, the defence against "billion laughs"
 */
public record YamlLimits(int maxDocumentBytes, int maxNestingDepth, int maxAliases, int maxExpandedNodes) {
    public static final YamlLimits DEFAULT = new YamlLimits(3 * 1024 * 1024, 100, 10_000, 1_000_000);
}
