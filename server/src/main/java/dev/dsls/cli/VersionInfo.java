package dev.dsls.cli;

import dev.dsls.language.DslsVersion;
import picocli.CommandLine;

/**
 * picocli's {@code --version}: one line naming the Kubernetes release dsls follows by default and all it
 * supports. One line, because scripts take the version as its second word.
 */
final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {DslsVersion.line() + " · " + DslsVersion.supportedVersionsLine()};
    }
}
