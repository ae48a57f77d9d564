// A workspace for the fleet view in the end-to-end test: the usual node agents of an EKS cluster
// over three node pools (node.kubernetes.io/instance-type) and a GPU Node template. On the small
// t3.small nodes the log agent stays Pending: alone it would fit, but the CNI, kube-proxy and the CSI
// node plugin (system-node-critical, bound before it) take the memory it needs. On one m5.xlarge node
// a batch pod fills the CPU, and the log agent preempts it.
//
//   node e2e/pools.mjs DIR    writes DIR/.dsls/inventory.yaml and one manifest per DaemonSet
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INSTANCE_TYPE = 'node.kubernetes.io/instance-type';
const GPU_TAINT = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };

/** The pools as the panel shows them, with the allocatable of each node, as EKS reports it. */
export const POOLS = [
  { type: 'm5.xlarge', nodes: 3, subnet: 1, cpu: '3920m', memory: '14Gi', pods: '58' },
  { type: 't3.small', nodes: 3, subnet: 2, cpu: '1930m', memory: '1450Mi', pods: '11' },
  { type: 'p3.2xlarge', nodes: 2, subnet: 3, cpu: '7910m', memory: '57Gi', pods: '58', gpu: '1', taints: [GPU_TAINT] },
];

/** What stays Pending on the small pool, the file it is in, and one DaemonSet whose pods hold the room. */
export const PENDING = { pool: 't3.small', daemonSet: 'kube-system/fluent-bit', file: 'fluent-bit.yaml', holder: 'kube-system/cilium' };

function nodeItem({ name, generateName, pool }) {
  const lines = [
    '- apiVersion: v1',
    '  kind: Node',
    '  metadata:',
    name ? `    name: ${name}` : `    generateName: ${generateName}`,
    '    labels:',
    '      kubernetes.io/arch: amd64',
    '      kubernetes.io/os: linux',
    `      ${INSTANCE_TYPE}: ${pool.type}`,
    '      topology.kubernetes.io/zone: eu-west-1a',
  ];
  if (name) {
    lines.push(`      kubernetes.io/hostname: ${name}`);
  }
  if (pool.taints) {
    lines.push('  spec:', '    taints:');
    for (const t of pool.taints) {
      lines.push(`    - key: ${t.key}`, `      value: ${t.value}`, `      effect: ${t.effect}`);
    }
  }
  lines.push('  status:', '    allocatable:', `      cpu: "${pool.cpu}"`, `      memory: ${pool.memory}`, `      pods: "${pool.pods}"`);
  if (pool.gpu) {
    lines.push(`      nvidia.com/gpu: "${pool.gpu}"`);
  }
  return lines.join('\n');
}

/** A running pod of the inventory on `node`, below every node agent's priority. */
function podItem(name, namespace, node, cpu, memory) {
  return [
    '- apiVersion: v1',
    '  kind: Pod',
    '  metadata:',
    `    name: ${name}`,
    `    namespace: ${namespace}`,
    '  spec:',
    `    nodeName: ${node}`,
    '    priority: 0',
    '    containers:',
    '    - name: main',
    `      image: registry.example.com/${namespace}/${name.split('-')[0]}:2.3.0`,
    '      resources:',
    `        requests: {cpu: ${cpu}, memory: ${memory}}`,
    '  status:',
    '    phase: Running',
  ].join('\n');
}

export function nodeNames(pool) {
  return Array.from({ length: pool.nodes }, (_, i) => `ip-10-0-${pool.subnet}-${10 + i}.eu-west-1.compute.internal`);
}

/** One DaemonSet manifest: the pod template's spec lines go in as given. */
function daemonSet(name, podSpec) {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${podSpec.trim().split('\n').map((l) => `      ${l}`).join('\n')}
`;
}

const TOLERATE_ALL = `tolerations:
- operator: Exists`;

function container(name, image, cpu, memory) {
  return `- name: ${name}
  image: ${image}
  resources:
    requests:
      cpu: ${cpu}
      memory: ${memory}
    limits:
      memory: ${memory}`;
}

const MANIFESTS = {
  'cni.yaml': daemonSet('cilium', `
priorityClassName: system-node-critical
hostNetwork: true
${TOLERATE_ALL}
containers:
${container('cilium-agent', 'quay.io/cilium/cilium:v1.17.4', '100m', '512Mi')}`),
  'kube-proxy.yaml': daemonSet('kube-proxy', `
priorityClassName: system-node-critical
hostNetwork: true
${TOLERATE_ALL}
containers:
${container('kube-proxy', 'registry.k8s.io/kube-proxy:v1.36.0', '100m', '64Mi')}`),
  'ebs-csi-node.yaml': daemonSet('ebs-csi-node', `
priorityClassName: system-node-critical
${TOLERATE_ALL}
containers:
${container('ebs-plugin', 'public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.44.0', '30m', '120Mi')}`),
  // After its ConfigMap, as the log agent's manifests usually come: the DaemonSet starts below line 1.
  // Its priority is lower than system-node-critical: bound after the three above, so on t3.small
  // their 696Mi leave it 754Mi of the 1450Mi, short of its 800Mi.
  'fluent-bit.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: fluent-bit-config
  namespace: kube-system
data:
  fluent-bit.conf: |
    [INPUT]
        Name tail
        Path /var/log/containers/*.log
---
` + daemonSet('fluent-bit', `
priorityClassName: system-cluster-critical
${TOLERATE_ALL}
containers:
${container('fluent-bit', 'cr.fluentbit.io/fluent/fluent-bit:4.0.3', '500m', '800Mi')}`),
  'nvidia-device-plugin.yaml': daemonSet('nvidia-device-plugin-daemonset', `
priorityClassName: system-node-critical
nodeSelector:
  ${INSTANCE_TYPE}: p3.2xlarge
tolerations:
- key: nvidia.com/gpu
  operator: Exists
  effect: NoSchedule
containers:
${container('nvidia-device-plugin-ctr', 'nvcr.io/nvidia/k8s-device-plugin:v0.17.2', '50m', '64Mi')}`),
};

export function writePools(dir) {
  const items = [];
  for (const pool of POOLS) {
    for (const name of nodeNames(pool)) {
      items.push(nodeItem({ name, pool }));
    }
  }
  // A node the GPU pool would add: no name yet, as a cluster autoscaler's node group template.
  items.push(nodeItem({ generateName: 'gpu-pool-', pool: POOLS[2] }));
  // 3500m of the first m5.xlarge's 3920m: the agents' 230m fit beside it, fluent-bit's 500m do not.
  items.push(podItem('report-builder-7f9c5d8b6-x2x7q', 'batch', nodeNames(POOLS[0])[0], '3500m', '2Gi'));
  mkdirSync(join(dir, '.dsls'), { recursive: true });
  writeFileSync(join(dir, '.dsls', 'inventory.yaml'),
    '# Three node pools and a GPU Node template, written by vscode-client/e2e/pools.mjs.\n' +
    `apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n`);
  for (const [file, text] of Object.entries(MANIFESTS)) {
    writeFileSync(join(dir, file), text);
  }
  return Object.keys(MANIFESTS);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node e2e/pools.mjs DIR');
    process.exit(2);
  }
  writePools(dir);
}
