package dev.dsls.language;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.yaml.Position;

/** What every feature at a position is asked with: the file version, the position, what the client renders. */
public record FeatureRequest(ManifestFile file, Position position, ClientFeatures client, Cancellation cancel) {
    public FeatureRequest(ManifestFile file, Position position, ClientFeatures client) {
        this(file, position, client, Cancellation.NEVER);
    }
}
