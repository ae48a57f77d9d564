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

export const PLACEMENT_REQUEST = 'dsls/placement';
export const INVENTORY_REQUEST = 'dsls/inventory';
/** The server's command on its code lenses; the client swaps it for CLIENT_SHOW_PLACEMENT. */
export const SERVER_SHOW_PLACEMENT = 'dsls.showPlacement';
export const CLIENT_SHOW_PLACEMENT = 'dsls.client.showPlacement';

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
