package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withPodSpec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R60-R70: volumes, their sources, and volume mounts. */
class VolumeValidationTest {
    @Test
    void volumeNames() {
        assertApi(withPodSpec("""
                volumes:
                - name: ""
                  emptyDir: {}
                - name: Logs
                  emptyDir: {}
                - name: data
                  emptyDir: {}
                - name: data
                  emptyDir: {}
                """),
                "\"\"|spec.template.spec.volumes[0].name|Required|Required value. Name the volume...",
                "Logs|spec.template.spec.volumes[1].name|Invalid|Invalid value: \"Logs\": a lowercase RFC 1123 label...",
                "data|spec.template.spec.volumes[3].name|Duplicate|Duplicate value: \"data\"...");
    }

    @Test
    void aVolumeWithoutSourceIsAnEmptyDir() {
        assertAccepted(daemonSet("", "volumes:\n- name: scratch", "volumeMounts:\n- {name: scratch, mountPath: /tmp}"));
    }

    @Test
    void onlyOneSourcePerVolume() {
        assertApi(withPodSpec("""
                volumes:
                - name: logs
                  hostPath: {path: /var/log}
                  emptyDir: {}
                  configMap: {name: conf}
                """),
                "hostPath|spec.template.spec.volumes[0].hostPath|Forbidden|Forbidden: may not specify more than 1"
                        + " volume type...",
                "configMap|spec.template.spec.volumes[0].configMap|Forbidden|Forbidden: may not specify more than 1"
                        + " volume type...");
    }

    @Test
    void hostPathVolumes() {
        assertApi(withPodSpec("""
                volumes:
                - name: a
                  hostPath: {path: ""}
                - name: b
                  hostPath: {path: /var/log/../../etc}
                - name: c
                  hostPath: {path: /run/docker.sock, type: socket}
                """),
                "\"\"|spec.template.spec.volumes[0].hostPath.path|Required|Required value...",
                "/var/log/../../etc|spec.template.spec.volumes[1].hostPath.path|Invalid|Invalid value:"
                        + " \"/var/log/../../etc\": must not contain '..'...",
                "socket|spec.template.spec.volumes[2].hostPath.type|NotSupported|Unsupported value: \"socket\":"
                        + " supported values: \"\", \"BlockDevice\", \"CharDevice\", \"Directory\","
                        + " \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\". Did you mean Socket?");
    }

    @Test
    void secretAndConfigMapVolumes() {
        assertApi(withPodSpec("""
                volumes:
                - name: a
                  secret: {defaultMode: 0777}
                - name: b
                  configMap:
                    name: conf
                    defaultMode: 777
                    items:
                    - {key: "", path: /etc/conf}
                    - {key: b, path: ../b, mode: 0400}
                """),
                "secret|spec.template.spec.volumes[0].secret.secretName|Required|Required value...",
                "777|spec.template.spec.volumes[1].configMap.defaultMode|Invalid|Invalid value: 777: must be a number"
                        + " between 0 and 0777 (octal), both inclusive. Write the mode in octal...",
                "\"\"|spec.template.spec.volumes[1].configMap.items[0].key|Required|Required value...",
                "/etc/conf|spec.template.spec.volumes[1].configMap.items[0].path|Invalid|Invalid value: \"/etc/conf\":"
                        + " must be a relative path...",
                "../b|spec.template.spec.volumes[1].configMap.items[1].path|Invalid|Invalid value: \"../b\": must not"
                        + " contain '..'...");
    }

    @Test
    void downwardApiItemsArePrintedWithoutTheirIndex() {
        assertApi(withPodSpec("""
                volumes:
                - name: podinfo
                  downwardAPI:
                    items:
                    - path: labels
                      fieldRef: {fieldPath: metadata.labels}
                    - path: node
                      fieldRef: {fieldPath: spec.nodeName}
                """),
                "spec.nodeName|spec.template.spec.volumes[0].downwardAPI.fieldRef.fieldPath|NotSupported|Unsupported"
                        + " value: \"spec.nodeName\": supported values: \"metadata.annotations\", \"metadata.labels\","
                        + " \"metadata.name\", \"metadata.namespace\", \"metadata.uid\"...");
    }

    @Test
    void emptyDirSizeLimitMustNotBeNegative() {
        assertApi(withPodSpec("volumes:\n- name: cache\n  emptyDir: {sizeLimit: -1Gi}"),
                "-1Gi|spec.template.spec.volumes[0].emptyDir.sizeLimit|Forbidden|Forbidden: SizeLimit field must be a"
                        + " valid resource quantity...");
    }

    @Test
    void mountsNeedAValidVolume() {
        assertApi(daemonSet("", """
                volumes:
                - name: config
                  configMap: {name: agent}
                - name: broken
                  hostPath: {path: ""}
                """, """
                volumeMounts:
                - {name: confg, mountPath: /etc/agent}
                - {name: broken, mountPath: /host}
                - {name: "", mountPath: /x}
                """),
                "\"\"|spec.template.spec.volumes[1].hostPath.path|Required|Required value...",
                "confg|spec.template.spec.containers[0].volumeMounts[0].name|NotFound|Not found: \"confg\". Did you"
                        + " mean config?",
                "broken|spec.template.spec.containers[0].volumeMounts[1].name|NotFound|Not found: \"broken\"...",
                "\"\"|spec.template.spec.containers[0].volumeMounts[2].name|Required|Required value...",
                "\"\"|spec.template.spec.containers[0].volumeMounts[2].name|NotFound|Not found: \"\"");
    }

    @Test
    void mountPathsAreRequiredAndUnique() {
        assertApi(daemonSet("", "volumes:\n- {name: a, emptyDir: {}}\n- {name: b, emptyDir: {}}", """
                volumeMounts:
                - {name: a, mountPath: /data}
                - {name: b, mountPath: /data}
                - {name: b, mountPath: ""}
                """),
                "/data|spec.template.spec.containers[0].volumeMounts[1].mountPath|Invalid|Invalid value: \"/data\":"
                        + " must be unique...",
                "\"\"|spec.template.spec.containers[0].volumeMounts[2].mountPath|Required|Required value...");
    }

    @Test
    void subPathsAndPropagationArePrintedWithoutTheIndex() {
        assertApi(daemonSet("", "volumes:\n- {name: a, emptyDir: {}}", """
                volumeMounts:
                - {name: a, mountPath: /one, subPath: /abs}
                - {name: a, mountPath: /two, subPath: x, subPathExpr: $(POD)}
                - {name: a, mountPath: /three, mountPropagation: Bidirectional}
                - {name: a, mountPath: /four, mountPropagation: Shared}
                """),
                "/abs|spec.template.spec.containers[0].volumeMounts.subPath|Invalid|Invalid value: \"/abs\": must be a"
                        + " relative path...",
                "$(POD)|spec.template.spec.containers[0].volumeMounts[1].subPathExpr|Invalid|Invalid value:"
                        + " \"$(POD)\": subPathExpr and subPath are mutually exclusive...",
                "Bidirectional|spec.template.spec.containers[0].volumeMounts.mountPropagation|Forbidden|Forbidden:"
                        + " Bidirectional mount propagation is available only to privileged containers...",
                "Shared|spec.template.spec.containers[0].volumeMounts.mountPropagation|NotSupported|Unsupported value:"
                        + " \"Shared\": supported values: \"Bidirectional\", \"HostToContainer\", \"None\"...");
        assertAccepted(daemonSet("", "volumes:\n- {name: a, emptyDir: {}}", """
                securityContext: {privileged: true}
                volumeMounts:
                - {name: a, mountPath: /one, mountPropagation: Bidirectional}
                """));
    }

    @Test
    @DisplayName("validateProjectionSources: one kind per source, Forbidden once at the source")
    void projectedVolumes() {
        assertApi(withPodSpec("""
                volumes:
                - name: token
                  projected:
                    sources:
                    - serviceAccountToken: {path: token, expirationSeconds: 60}
                    - {secret: {name: a}, configMap: {name: b}, downwardAPI: {}}
                """),
                "60|spec.template.spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds|Invalid|"
                        + "Invalid value: 60: may not specify a duration less than 10 minutes...",
                "{secret: {name: a}, configMap: {name: b}, downwardAPI: {}}|spec.template.spec.volumes[0].projected"
                        + ".sources[1]|Forbidden|Forbidden: may not specify more than 1 volume type per source...");
    }

    @Test
    @DisplayName("validateProjectionSources: token path at projected.path, no two files at one path")
    void projectedPaths() {
        assertApi(withPodSpec("""
                volumes:
                - name: bundle
                  projected:
                    sources:
                    - serviceAccountToken: {path: /token}
                    - secret: {name: creds, items: [{key: ca, path: ca.crt}]}
                    - configMap: {name: "", items: [{key: ca, path: ca.crt}]}
                    - downwardAPI: {items: [{path: ca.crt, fieldRef: {fieldPath: metadata.name}}]}
                """),
                "/token|spec.template.spec.volumes[0].projected.path|Invalid|Invalid value: \"/token\": must be a"
                        + " relative path...",
                "\"\"|spec.template.spec.volumes[0].projected.sources[2].configMap.name|Required|Required value...",
                "ca.crt|spec.template.spec.volumes[0].projected|Invalid|Invalid value: \"\": conflicting duplicate"
                        + " paths...",
                "ca.crt|spec.template.spec.volumes[0].projected|Invalid|Invalid value: \"ca.crt\": conflicting"
                        + " duplicate paths...");
        assertAccepted(withPodSpec("""
                volumes:
                - name: bundle
                  projected:
                    sources:
                    - serviceAccountToken: {path: token, audience: vault}
                    - configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: ca.crt}]}
                """));
    }

    @Test
    @DisplayName("validateNFSVolumeSource: an empty path is Required and not absolute")
    void nfsVolumes() {
        assertApi(withPodSpec("""
                volumes:
                - name: a
                  nfs: {server: nfs.local, path: ""}
                - name: b
                  nfs: {server: "", path: exports}
                """),
                "\"\"|spec.template.spec.volumes[0].nfs.path|Required|Required value...",
                "\"\"|spec.template.spec.volumes[0].nfs.path|Invalid|Invalid value: \"\": must be an absolute path...",
                "\"\"|spec.template.spec.volumes[1].nfs.server|Required|Required value...",
                "exports|spec.template.spec.volumes[1].nfs.path|Invalid|Invalid value: \"exports\": must be an"
                        + " absolute path...");
    }

    @Test
    @DisplayName("validateCSIVolumeSource and ValidateCSIDriverName: driver and nodePublishSecretRef names")
    void csiVolumes() {
        String longDriver = "a".repeat(64);
        assertApi(withPodSpec("""
                volumes:
                - name: a
                  csi: {driver: ""}
                - name: b
                  csi: {driver: Secrets_Store, nodePublishSecretRef: {name: Creds}}
                - name: c
                  csi: {driver: %s, nodePublishSecretRef: {name: ""}}
                """.formatted(longDriver)),
                "\"\"|spec.template.spec.volumes[0].csi.driver|Required|Required value...",
                "Secrets_Store|spec.template.spec.volumes[1].csi.driver|Invalid|Invalid value: \"Secrets_Store\": a"
                        + " lowercase RFC 1123 subdomain...",
                "Creds|spec.template.spec.volumes[1].csi.name|Invalid|Invalid value: \"Creds\": a lowercase RFC 1123"
                        + " subdomain...",
                longDriver + "|spec.template.spec.volumes[2].csi.driver|TooLong|Too long: must have at most 63"
                        + " bytes...",
                "\"\"|spec.template.spec.volumes[2].csi.nodePublishSecretRef.name|Required|Required value...");
        assertAccepted(withPodSpec("""
                volumes:
                - name: secrets
                  csi: {driver: secrets-store.csi.k8s.io, readOnly: true, nodePublishSecretRef: {name: creds}}
                """));
    }

    @Test
    @DisplayName("validateEphemeralVolumeSource and ValidatePersistentVolumeClaimTemplate")
    void ephemeralVolumes() {
        assertApi(withPodSpec("""
                volumes:
                - name: scratch
                  ephemeral: {}
                - name: cache
                  ephemeral:
                    volumeClaimTemplate:
                      metadata: {name: cache, labels: {tier: cache}}
                      spec:
                        accessModes: [ReadWriteOncePod, ReadWriteOnce]
                        resources: {requests: {storage: 0}}
                """),
                "ephemeral|spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate|Required|Required value...",
                "name|spec.template.spec.volumes[1].ephemeral.volumeClaimTemplate.metadata.name|Forbidden|Forbidden:"
                        + " cannot be set...",
                "accessModes|spec.template.spec.volumes[1].ephemeral.volumeClaimTemplate.spec.accessModes|Forbidden|"
                        + "Forbidden: may not use ReadWriteOncePod with other access modes...",
                "0|spec.template.spec.volumes[1].ephemeral.volumeClaimTemplate.spec.resources[storage]|Invalid|Invalid"
                        + " value: \"0\": must be greater than zero...");
        assertAccepted(withPodSpec("""
                volumes:
                - name: cache
                  ephemeral:
                    volumeClaimTemplate:
                      metadata: {labels: {tier: cache}}
                      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """));
    }
}
