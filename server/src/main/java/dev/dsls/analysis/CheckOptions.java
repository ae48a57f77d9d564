package dev.dsls.analysis;

import dev.dsls.diagnostics.ObjectCheck;
import java.util.List;
import java.util.Set;

/**
 * What a check run includes: codes the user turned off, and checks beyond the built-in ones (the
 * placement checks, which need an inventory).
 */
public record CheckOptions(Set<String> disabledCodes, List<ObjectCheck> extraChecks) {
    public static final CheckOptions DEFAULT = new CheckOptions(Set.of(), List.of());

    public CheckOptions {
        disabledCodes = Set.copyOf(disabledCodes);
        extraChecks = List.copyOf(extraChecks);
    }
}
