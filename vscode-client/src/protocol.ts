// The server's custom requests (see the server contract in the README), typed for the client.

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export type RunsOnNode = 'yes' | 'no' | 'pending';

export interface PlacementReason {
  code: string;
  message: string;
}

/** The one change that would make the pod run on a node, as the server describes it. */
export interface NearMiss {
  /** What to change: "toleration", "label", ... */
  change: string;
  message: string;
  /** A node label to add, for label changes. */
  key?: string;
  value?: string;
  /** A toleration to add to the pod template, for taint exclusions. */
  toleration?: { key?: string; operator?: string; value?: string; effect?: string };
}

export interface NodePlacement {
  name: string;
  /** The DaemonSet controller wants a pod on this node (selector, affinity, taints allow it). */
  desired: boolean;
  /** The pod would fit the node's free resources and ports. */
  fits: boolean;
  runs: RunsOnNode;
  reasons: PlacementReason[];
  /**
   * What single change would make it run there, when one change would. The server sends an
   * object; a plain string (the first draft of the contract) is accepted too.
   */
  nearMiss?: string | NearMiss;
}

export interface DaemonSetPlacement {
  name: string;
  namespace?: string;
  path?: string;
  range?: LspRange;
  status?: Record<string, number>;
  rollout?: {
    strategy?: string;
    maxUnavailable?: string | number;
    maxSurge?: string | number;
    waves?: number;
    minReadySeconds?: number;
    /** What the rollout means in words, e.g. "up to 1 node at a time lose their old pod …". */
    note?: string;
    error?: string;
  };
  /** The code lens text: "runs on 2 of 3 nodes · excluded: …". */
  summary?: string;
  /** As `kubectl get ds` shows it: "<none>" or "gpu=cuda". */
  nodeSelector?: string;
  nodes: NodePlacement[];
}

export interface PlacementPreview {
  daemonSets: DaemonSetPlacement[];
  /** The same preview as plain text, exactly as `dsls preview` prints it (the Neovim files show it). */
  text?: string;
}

export interface PlacementParams {
  textDocument: { uri: string };
  position?: LspPosition;
}

export interface InventoryProblem {
  path: string;
  line: number;
  message: string;
}

export interface InventorySummary {
  nodes: number;
  files: string[];
  problems: InventoryProblem[];
}

/** Kubernetes quantity strings by resource name: `{"cpu": "600m", "memory": "768Mi"}`. */
export type Quantities = Record<string, string>;

/** One DaemonSet of the workspace folder, previewed together with the others. */
export interface FleetDaemonSet {
  /** namespace/name. */
  name: string;
  file?: string;
  uri?: string;
  /** 0-based line of the DaemonSet in its file. */
  line?: number;
  priority?: number;
  priorityClassName?: string;
  desired?: number;
  running?: number;
  pending?: number;
  preempting?: number;
}

/** Daemon pods of one DaemonSet that stay Pending on nodes of a pool (or on a Node template). */
export interface FleetPending {
  daemonSet: string;
  /** How many nodes of the pool; absent for a template, which is one node. */
  nodes?: number;
  /** The reason code, as in the placement preview: "resources", "podCount", "hostPort", … */
  reason?: string;
  /** The DaemonSets whose pods, bound first, take the room it would need. */
  heldBy?: string[];
  /** A few of those nodes, by name. */
  examples?: string[];
}

/** Daemon pods of one DaemonSet that fit on nodes of a pool only by evicting the inventory's pods. */
export interface FleetPreemption {
  daemonSet: string;
  nodes?: number;
  /** namespace/name of the pods it would evict. */
  victims?: string[];
}

/** The nodes that share a value of the fleet's `groupBy` label: a node pool. */
export interface FleetGroup {
  /** The label's value; `<none>` for the nodes without the label. */
  key: string;
  nodes: number;
  templates?: number;
  daemonPods?: number;
  requests?: Quantities;
  /** The largest daemon-pod total on one node of the pool. */
  requestsPerNode?: Quantities;
  allocatable?: Quantities;
  allocatablePerNode?: Quantities;
  available?: Quantities;
  /** The least left on one node, after the daemon pods and the inventory's pods. */
  availablePerNode?: Quantities;
  pending?: FleetPending[];
  preemptions?: FleetPreemption[];
}

/** A Node template of the inventory (`metadata.generateName`, no name): a node a pool would add. */
export interface FleetTemplate {
  /** The template's generateName. */
  name: string;
  /** The pool (group key) it belongs to. */
  group?: string;
  /** Whether every daemon pod meant for it fits. */
  fits: boolean;
  daemonPods?: number;
  pending?: FleetPending[];
  /** What it has left after its daemon pods. */
  left?: Quantities;
}

/** What `dsls/fleet` returns: the same object as `dsls fleet --format json` prints. */
export interface FleetReport {
  /** The node label that makes the pools, e.g. node.kubernetes.io/instance-type. */
  groupBy: string;
  inventory?: string;
  daemonSets: FleetDaemonSet[];
  groups: FleetGroup[];
  templates?: FleetTemplate[];
  /** The same fleet as plain text, as `dsls fleet` prints it (the Neovim files show it). */
  text?: string;
}

/** The document only picks the workspace folder; without it the server takes the first folder. */
export interface FleetParams {
  textDocument?: { uri: string };
}

export const PLACEMENT_REQUEST = 'dsls/placement';
export const INVENTORY_REQUEST = 'dsls/inventory';
/** The server's command on its code lenses; the client swaps it for CLIENT_SHOW_PLACEMENT. */
export const SERVER_SHOW_PLACEMENT = 'dsls.showPlacement';
export const CLIENT_SHOW_PLACEMENT = 'dsls.client.showPlacement';
export const FLEET_REQUEST = 'dsls/fleet';
/** A client command only: the server answers the request FLEET_REQUEST and has no command of this name. */
export const CLIENT_SHOW_FLEET = 'dsls.showFleet';

/** "2/3": nodes that would run a pod, out of the inventory. */
export function runsSummary(ds: DaemonSetPlacement): { runs: number; pending: number; total: number } {
  let runs = 0;
  let pending = 0;
  for (const n of ds.nodes) {
    if (n.runs === 'yes') {
      runs++;
    } else if (n.runs === 'pending') {
      pending++;
    }
  }
  return { runs, pending, total: ds.nodes.length };
}
