// A cloud-sized workspace for the end-to-end test: a node inventory with long, EKS- and GKE-style
// node names (up to 61 characters) and a DaemonSet that runs on most of them, stays pending on some
// and is kept off others by taints and its nodeSelector. The panel has to stay readable with it.
//
//   node e2e/fleet.mjs DIR [NODES]    writes DIR/.dsls/inventory.yaml and DIR/agent.yaml
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTROL_PLANE = 3;
const GPU = 12;
const SMALL = 17;
const WINDOWS = 8;

function node(name, { taints = [], os = 'linux', cpu = '4' } = {}) {
  const lines = [
    '- apiVersion: v1',
    '  kind: Node',
    '  metadata:',
    `    name: ${name}`,
    '    labels:',
    '      kubernetes.io/arch: amd64',
    `      kubernetes.io/hostname: ${name}`,
    `      kubernetes.io/os: ${os}`,
    '      topology.kubernetes.io/zone: eu-west-1a',
  ];
  if (taints.length > 0) {
    lines.push('  spec:', '    taints:');
    for (const t of taints) {
      lines.push(`    - key: ${t.key}`);
      if (t.value) {
        lines.push(`      value: ${t.value}`);
      }
      lines.push(`      effect: ${t.effect}`);
    }
  }
  lines.push('  status:', '    allocatable:', `      cpu: "${cpu}"`, '      memory: 16Gi', '      pods: "110"');
  return lines.join('\n');
}

/** The node names: EKS-style for the control plane and GPU nodes, GKE-style (61 characters) for the rest. */
export function fleetNames(count) {
  return Array.from({ length: count }, (_, i) => i < CONTROL_PLANE + GPU
    ? `ip-10-0-${Math.floor(i / 200)}-${10 + (i % 200)}.eu-west-1.compute.internal`
    : `gke-production-europe-west1-default-pool-4f7a9c21-${String(i).padStart(4, '0')}-abcdef`);
}

export const fleetCounts = { controlPlane: CONTROL_PLANE, gpu: GPU, small: SMALL, windows: WINDOWS };

export function writeFleet(dir, count = 300) {
  const names = fleetNames(count);
  const nodes = names.map((name, i) => {
    if (i < CONTROL_PLANE) {
      return node(name, { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    }
    if (i < CONTROL_PLANE + GPU) {
      return node(name, { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] });
    }
    if (i < CONTROL_PLANE + GPU + SMALL) {
      return node(name, { cpu: '250m' });
    }
    if (i < CONTROL_PLANE + GPU + SMALL + WINDOWS) {
      return node(name, { os: 'windows' });
    }
    return node(name);
  });
  mkdirSync(join(dir, '.dsls'), { recursive: true });
  writeFileSync(join(dir, '.dsls', 'inventory.yaml'),
    `# ${count} nodes with cloud-length names, written by vscode-client/e2e/fleet.mjs.\n` +
    `apiVersion: v1\nkind: List\nitems:\n${nodes.join('\n')}\n`);
  writeFileSync(join(dir, 'agent.yaml'), `# A node agent for the ${count}-node fleet of .dsls/inventory.yaml.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      nodeSelector:
        kubernetes.io/os: linux
      containers:
      - name: agent
        image: registry.example.com/node-agent:1.4.2
        resources:
          requests:
            cpu: 500m
            memory: 128Mi
`);
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, count] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node e2e/fleet.mjs DIR [NODES]');
    process.exit(2);
  }
  writeFleet(dir, count ? Number(count) : 300);
}
