package dev.dsls.cli;

import dev.dsls.language.DslsVersion;
import picocli.CommandLine;

/** picocli's {@code --version}: the version line naming the Kubernetes release dsls follows, and all it supports. */
final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {DslsVersion.line(), DslsVersion.supportedVersionsLine()};
    }
}
