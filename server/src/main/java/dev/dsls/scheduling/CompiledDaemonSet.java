package dev.dsls.scheduling;

import dev.dsls.schema.ManifestObject;
import dev.dsls.inventory.HostPortInfo;
import dev.dsls.inventory.ObjectDecoder;
import dev.dsls.inventory.PodRequests;
import dev.dsls.inventory.PodSpec;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YSeq;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything placement needs from one DaemonSet, read once: the template's nodeName, nodeSelector and
 * required affinity (compiled), its tolerations plus the automatic daemon ones, its request and host
 * ports as the created Pod will have them, the label selector that claims pods, and the update
 * strategy. Evaluating a node then touches only precomputed values.
 */
public final class CompiledDaemonSet {
    public static final YamlPath POD_SPEC = YamlPath.parse("spec.template.spec");
    static final YamlPath TOLERATIONS = POD_SPEC.field("tolerations");

    private final ManifestObject object;
    private final String name;
    private final String namespace;
    private final String nodeName;
    private final RequiredNodeAffinity affinity;
    private final List<Toleration> userTolerations;
    private final List<Toleration> tolerations;
    private final PodSpec podSpec;
    private final PodRequests.Breakdown requests;
    private final List<HostPortInfo.PortUse> hostPorts;
    private final List<Requirement> selector;
    private final String strategy;
    private final YScalar maxUnavailable;
    private final YScalar maxSurge;
    private final int minReadySeconds;
    private final String templateGeneration;

    private CompiledDaemonSet(ManifestObject object) {
        YMap root = object.root();
        YMap spec = root.map("spec");
        YMap template = spec == null ? null : spec.map("template");
        YMap podSpecMap = template == null ? null : template.map("spec");
        this.object = object;
        this.name = object.name() == null ? "" : object.name();
        this.namespace = object.namespace();
        this.podSpec = ObjectDecoder.podSpec(podSpecMap);
        this.nodeName = podSpec.nodeName();
        this.affinity = affinity(podSpecMap);
        this.userTolerations = tolerations(podSpecMap == null ? null : podSpecMap.get("tolerations"));
        List<Toleration> all = new ArrayList<>(userTolerations);
        all.addAll(TaintToleration.daemonSetTolerations(podSpec.hostNetwork()));
        this.tolerations = List.copyOf(all);
        this.requests = PodRequests.compute(podSpec);
        this.hostPorts = HostPortInfo.hostPorts(podSpec);
        this.selector = selector(spec == null ? null : spec.map("selector"));
        YMap update = spec == null ? null : spec.map("updateStrategy");
        String type = update == null ? null : update.text("type");
        this.strategy = type == null || type.isEmpty() ? "RollingUpdate" : type;
        YMap rolling = update == null ? null : update.map("rollingUpdate");
        this.maxUnavailable = scalar(rolling, "maxUnavailable");
        this.maxSurge = scalar(rolling, "maxSurge");
        this.minReadySeconds = integer(spec == null ? null : spec.text("minReadySeconds"));
        YMap metadata = root.map("metadata");
        YMap annotations = metadata == null ? null : metadata.map("annotations");
        this.templateGeneration = annotations == null ? null : annotations.text("deprecated.daemonset.template.generation");
    }

    /** Reads a DaemonSet object of a manifest. */
    public static CompiledDaemonSet of(ManifestObject daemonSet) {
        return new CompiledDaemonSet(daemonSet);
    }

    private static RequiredNodeAffinity affinity(YMap podSpec) {
        List<RequiredNodeAffinity.SelectorEntry> entries = new ArrayList<>();
        YMap nodeSelector = podSpec == null ? null : podSpec.map("nodeSelector");
        if (nodeSelector != null) {
            for (YEntry entry : nodeSelector.entries()) {
                String value = entry.value() instanceof YScalar scalar && !scalar.isNull() ? scalar.value() : "";
                entries.add(new RequiredNodeAffinity.SelectorEntry(entry.name(), value, POD_SPEC.field("nodeSelector").key(entry.name())));
            }
        }
        YamlPath termsPath = POD_SPEC.field("affinity").field("nodeAffinity")
                .field("requiredDuringSchedulingIgnoredDuringExecution").field("nodeSelectorTerms");
        YMap required = podSpec == null ? null
                : resolveMap(podSpec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution");
        List<NodeSelectorTerm> terms = null;
        if (required != null) {
            terms = new ArrayList<>();
            YSeq termList = required.seq("nodeSelectorTerms");
            for (int i = 0; termList != null && i < termList.items().size(); i++) {
                YamlPath termPath = termsPath.index(i);
                YMap term = termList.items().get(i) instanceof YMap map ? map : null;
                terms.add(new NodeSelectorTerm(expressions(term == null ? null : term.seq("matchExpressions"),
                        termPath.field("matchExpressions")), fields(term == null ? null : term.seq("matchFields"),
                        termPath.field("matchFields")), termPath));
            }
        }
        return new RequiredNodeAffinity(entries, terms, termsPath);
    }

    private static YMap resolveMap(YMap from, String... keys) {
        YMap map = from;
        for (String key : keys) {
            map = map.map(key);
            if (map == null) {
                return null;
            }
        }
        return map;
    }

    private static List<Requirement> expressions(YSeq list, YamlPath path) {
        List<Requirement> requirements = new ArrayList<>();
        for (int i = 0; list != null && i < list.items().size(); i++) {
            if (list.items().get(i) instanceof YMap item) {
                requirements.add(Requirement.of(item.text("key"), item.text("operator"), values(item.get("values")),
                        path.index(i)));
            }
        }
        return requirements;
    }

    private static List<NodeSelectorTerm.FieldRequirement> fields(YSeq list, YamlPath path) {
        List<NodeSelectorTerm.FieldRequirement> fields = new ArrayList<>();
        for (int i = 0; list != null && i < list.items().size(); i++) {
            if (list.items().get(i) instanceof YMap item) {
                fields.add(NodeSelectorTerm.field(item.text("key"), item.text("operator"), values(item.get("values")),
                        path.index(i)));
            }
        }
        return fields;
    }

    private static List<String> values(YNode node) {
        List<String> values = new ArrayList<>();
        if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YScalar scalar && !scalar.isNull()) {
                    values.add(scalar.value());
                }
            }
        }
        return values;
    }

    private static List<Toleration> tolerations(YNode node) {
        List<Toleration> tolerations = new ArrayList<>();
        if (node instanceof YSeq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                if (seq.items().get(i) instanceof YMap item) {
                    tolerations.add(new Toleration(item.text("key"), item.text("operator"), item.text("value"),
                            item.text("effect"), TOLERATIONS.index(i)));
                }
            }
        }
        return List.copyOf(tolerations);
    }

    /** spec.selector as requirements (metav1.LabelSelectorAsSelector): matchLabels are In with one value. */
    private static List<Requirement> selector(YMap selector) {
        List<Requirement> requirements = new ArrayList<>();
        if (selector == null) {
            return requirements;
        }
        YMap matchLabels = selector.map("matchLabels");
        if (matchLabels != null) {
            for (YEntry entry : matchLabels.entries()) {
                String value = entry.value() instanceof YScalar scalar && !scalar.isNull() ? scalar.value() : "";
                requirements.add(Requirement.of(entry.name(), "In", List.of(value), null));
            }
        }
        requirements.addAll(expressions(selector.seq("matchExpressions"), YamlPath.parse("spec.selector.matchExpressions")));
        return requirements;
    }

    private static YScalar scalar(YMap map, String key) {
        return map != null && map.get(key) instanceof YScalar scalar && !scalar.isNull() ? scalar : null;
    }

    private static int integer(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** True when the DaemonSet's selector claims a pod with these labels (an empty selector claims none). */
    public boolean selects(Map<String, String> labels) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Requirement requirement : selector) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    public ManifestObject object() {
        return object;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    /** The template's nodeName, or "". */
    public String nodeName() {
        return nodeName;
    }

    public RequiredNodeAffinity affinity() {
        return affinity;
    }

    /** The tolerations written in the template. */
    public List<Toleration> userTolerations() {
        return userTolerations;
    }

    /** The written tolerations plus the automatic daemon ones: what the created pod carries. */
    public List<Toleration> tolerations() {
        return tolerations;
    }

    public PodSpec podSpec() {
        return podSpec;
    }

    /** The created pod's request with, per resource, the field responsible (relative to the pod spec). */
    public PodRequests.Breakdown requests() {
        return requests;
    }

    /** The host ports the created pod will hold (hostNetwork turns container ports into host ports). */
    public List<HostPortInfo.PortUse> hostPorts() {
        return hostPorts;
    }

    /** RollingUpdate or OnDelete (RollingUpdate when unset, as SetDefaults_DaemonSet does). */
    public String strategy() {
        return strategy;
    }

    /** rollingUpdate.maxUnavailable as written (an int, or a string that should be a percentage), or null. */
    public YScalar maxUnavailable() {
        return maxUnavailable;
    }

    /** rollingUpdate.maxSurge as written, or null. */
    public YScalar maxSurge() {
        return maxSurge;
    }

    public int minReadySeconds() {
        return minReadySeconds;
    }

    /** The deprecated.daemonset.template.generation annotation, or null. */
    public String templateGeneration() {
        return templateGeneration;
    }

    /** A path relative to the pod spec, made relative to the object. */
    static YamlPath inPodSpec(String relative) {
        return YamlPath.parse(POD_SPEC + "." + relative);
    }
}
