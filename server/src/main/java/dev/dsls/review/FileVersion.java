package dev.dsls.review;

import dev.dsls.analysis.ManifestFile;

/**
 * A manifest file at the base revision and now.
 *
 * @param path    the file as the user named it
 * @param base    the file at the base revision, or null when the base has no such file
 * @param current the file now (the working tree, or the editor's text), or null when it was deleted
 */
public record FileVersion(String path, ManifestFile base, ManifestFile current) {
}
