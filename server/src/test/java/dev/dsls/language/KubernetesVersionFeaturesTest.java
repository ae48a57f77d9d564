package dev.dsls.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.schema.KubernetesVersion;
import dev.dsls.testing.Cursor;
import dev.dsls.testing.Manifests;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;

/** Completion and hover follow the Kubernetes version the workspace checks against. */
class KubernetesVersionFeaturesTest {
    private static final String POD_SPEC_KEY = Manifests.DEMO.replace("    spec:\n      containers:",
            "    spec:\n      <*>\n      containers:");
    private static final String POD_RESOURCES_KEY = Manifests.DEMO.replace("    spec:\n      containers:",
            "    spec:\n      resources:\n        <*>\n      containers:");
    private static final String POD_RESOURCES = Manifests.DEMO.replace("    spec:\n      containers:",
            "    spec:\n      reso<*>urces: {limits: {cpu: \"1\"}}\n      containers:");

    private static DaemonSetLanguageService at(String version) {
        DaemonSetLanguageService service = new DaemonSetLanguageService();
        service.workspace().setKubernetesVersion(KubernetesVersion.parse(version));
        return service;
    }

    private static FeatureRequest request(String marked) {
        Cursor cursor = Cursor.of(marked);
        return new FeatureRequest(ManifestFile.edited("file:///ds.yaml", 1, cursor.text(), null), cursor.position(),
                ClientFeatures.PLAIN);
    }

    private static List<String> labels(String version, String marked) {
        return at(version).completion(request(marked)).stream().map(CompletionItem::getLabel).toList();
    }

    private static String hover(String version, String marked) {
        return at(version).hover(request(marked)).getContents().getRight().getValue();
    }

    @Test
    void completionOffersOnlyTheFieldsOfTheVersion() {
        List<String> at131 = labels("1.31", POD_SPEC_KEY);
        assertTrue(at131.contains("hostNetwork"), at131.toString());
        assertFalse(at131.contains("resources"), at131.toString());
        assertFalse(at131.contains("hostnameOverride"), at131.toString());
        List<String> at136 = labels("1.36", POD_SPEC_KEY);
        assertTrue(at136.contains("resources"), at136.toString());
        assertTrue(at136.contains("hostnameOverride"), at136.toString());
        assertFalse(at136.contains("workloadRef"), "1.36 removed workloadRef: " + at136);
        assertTrue(labels("1.35", POD_SPEC_KEY).contains("workloadRef"));
    }

    @Test
    void nothingIsOfferedInsideAFieldTheVersionLacks() {
        assertEquals(List.of(), labels("1.31", POD_RESOURCES_KEY));
        assertTrue(labels("1.32", POD_RESOURCES_KEY).contains("limits"));
    }

    @Test
    void hoverSaysSinceWhenTheFieldExistsAndWhetherTheVersionHasIt() {
        String at136 = hover("1.36", POD_RESOURCES);
        assertTrue(at136.contains("\n\nSince Kubernetes 1.32.\n\n"), at136);
        assertTrue(at136.endsWith("Kubernetes 1.36 · apps/v1 DaemonSet"), at136);
        assertFalse(at136.contains("Not in Kubernetes"), at136);
        String at131 = hover("1.31", POD_RESOURCES);
        assertTrue(at131.contains("Not in Kubernetes 1.31, the version checked against: its API server rejects the"
                + " field as unknown (it is in 1.32 and later)."), at131);
        assertTrue(at131.contains("Since Kubernetes 1.32."), at131);
        assertTrue(at131.endsWith("Kubernetes 1.31 · apps/v1 DaemonSet"), at131);
    }

    @Test
    void theConfigurationsVersionAppliesUnlessTheFlagOrSettingNamesOne() {
        DaemonSetLanguageService service = new DaemonSetLanguageService();
        WorkspaceConfig config = WorkspaceConfig.parse(null, "kubernetesVersion: \"1.31\"\n");
        service.workspace().setConfig(config);
        assertEquals("1.31", service.workspace().kubernetesVersion().toString());
        service.workspace().setKubernetesVersion(KubernetesVersion.parse("1.34"));
        assertEquals("1.34", service.workspace().kubernetesVersion().toString());
        service.workspace().setKubernetesVersion(null);
        service.workspace().setConfig(WorkspaceConfig.NONE);
        assertEquals("1.36", service.workspace().kubernetesVersion().toString());
    }

    @Test
    void aVersionTheConfigurationCannotUseIsItsInvalidValue() {
        WorkspaceConfig config = WorkspaceConfig.parse(null, "kubernetesVersion: \"1.30\"\n");
        assertNull(config.kubernetesVersion());
        assertEquals(List.of("config-invalid-value|kubernetesVersion: 1.30 is not a Kubernetes version dsls supports;"
                + " the supported versions are 1.31, 1.32, 1.33, 1.34, 1.35 and 1.36.|0"), config.problems().stream()
                .map(d -> d.code() + "|" + d.message() + "|" + d.range().start().line()).toList());
    }
}
