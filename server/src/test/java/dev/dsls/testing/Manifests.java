package dev.dsls.testing;

/** Manifests the tests share. */
public final class Manifests {
    /** A DaemonSet that is valid as it stands. */
    public static final String DEMO = String.join("\n",
            "apiVersion: apps/v1",
            "kind: DaemonSet",
            "metadata:",
            "  name: demo",
            "spec:",
            "  selector:",
            "    matchLabels:",
            "      app: demo",
            "  template:",
            "    metadata:",
            "      labels:",
            "        app: demo",
            "    spec:",
            "      containers:",
            "      - name: demo",
            "        image: busybox:1.36",
            "");

    private Manifests() {
    }
}
