// Groups a DaemonSet's nodes by outcome and reason, so the placement panel reads the same with 3
// nodes and with 5,000: "runs · 4,980 nodes", "excluded · taint node-role.kubernetes.io/control-plane:NoSchedule
// · 3 nodes", "pending · resources cpu · 17 nodes". Pure (no `vscode` import) for unit tests.

import { NearMiss, NodePlacement, PlacementReason } from './protocol';

export type Outcome = 'runs' | 'pending' | 'excluded';

/** The words the panel uses for a node's `runs` field. */
export function outcomeOf(node: NodePlacement): Outcome {
  switch (node.runs) {
    case 'yes':
      return 'runs';
    case 'pending':
      return 'pending';
    default:
      return 'excluded';
  }
}

/** A near miss as the panel shows it: what to change, once, and the server's sentence as a tooltip. */
export interface NearMissView {
  /** Equal for the same change on different nodes (the server's sentence names the node). */
  key: string;
  /** What to do, without the node's name: "add to spec.template.spec.tolerations". */
  action: string;
  /** The thing to write, when there is one: a toleration or a label. */
  subject?: string;
  /** The server's full sentence for one node. */
  title: string;
}

export interface NodeGroup {
  /** Stable across refreshes (the panel remembers which groups are open by it). */
  key: string;
  outcome: Outcome;
  /** What keeps these nodes out (or pending), the same for each: "taint x:NoSchedule"; '' for runs. */
  subject: string;
  /** The reason code of the subject, for its tooltip. */
  code?: string;
  /** The reason in the server's words, when it is the same sentence for every node of the group. */
  message?: string;
  /** The near miss, when every node of the group has the same one. */
  nearMiss?: NearMissView;
  nodes: NodePlacement[];
}

const ORDER: Record<Outcome, number> = { runs: 0, pending: 1, excluded: 2 };

/**
 * A few words for what a reason is about, without the node's own figures, so that every node kept
 * out by the same taint, label or resource lands in one group. Prefers a short text from the server
 * when it sends one; otherwise reads the server's sentences (see the scheduling package).
 */
export function reasonSubject(reason: PlacementReason): string {
  const short = (reason as { shortText?: unknown }).shortText;
  if (typeof short === 'string' && short !== '') {
    // "cpu 500m > 100m free": the free amount differs per node.
    const figures = short.indexOf(' > ');
    return figures < 0 ? short : short.slice(0, figures);
  }
  const m = reason.message ?? '';
  let match: RegExpExecArray | null;
  switch (reason.code) {
    case 'taint':
      match = /\btaint (\S+?)[,;.]?(?:\s|$)/.exec(m);
      return match ? `taint ${match[1]}` : 'taint';
    case 'nodeSelector':
      match = /\bwants (\S+?)[,;.]?(?:\s|$)/.exec(m);
      return match ? `nodeSelector ${match[1]}` : 'nodeSelector';
    case 'nodeAffinity':
      return 'required node affinity';
    case 'resources':
      match = /\bneeds (\S+)/.exec(m);
      return match ? `resources ${match[1]}` : 'resources';
    case 'hostPort':
      match = /\bhost port (\S+)/.exec(m);
      return match ? `hostPort ${match[1]}` : 'hostPort';
    case 'podCount':
      return 'pod count (status.allocatable.pods)';
    case 'nodeName':
      match = /\bnodeName: (\S+?)[,;]?(?:\s|$)/.exec(m);
      return match ? `nodeName ${match[1]}` : 'nodeName';
    default:
      return reason.code || 'other';
  }
}

function tolerationText(t: NonNullable<NearMiss['toleration']>): string {
  const fields = (['key', 'operator', 'value', 'effect'] as const)
    .filter((k) => t[k] !== undefined && t[k] !== '')
    .map((k) => `${k}: ${t[k]}`);
  return `{${fields.join(', ')}}`;
}

/** One line per near miss: the change and its subject, never the subject twice. */
export function nearMissView(near: string | NearMiss | undefined): NearMissView | undefined {
  if (!near) {
    return undefined;
  }
  if (typeof near === 'string') {
    return { key: `text:${near}`, action: near, title: near };
  }
  const title = near.message ?? '';
  if (near.toleration) {
    const subject = tolerationText(near.toleration);
    return { key: `toleration:${subject}`, action: 'add to spec.template.spec.tolerations', subject, title };
  }
  if (near.change === 'label' && near.key !== undefined) {
    const subject = near.value !== undefined && near.value !== '' ? `${near.key}=${near.value}` : near.key;
    return { key: `label:${subject}`, action: 'label the node', subject, title };
  }
  if (near.change === 'removeLabel' && near.key !== undefined) {
    return { key: `removeLabel:${near.key}`, action: 'remove the node label', subject: near.key, title };
  }
  return { key: `text:${title}`, action: title, title };
}

/**
 * The groups of one DaemonSet's nodes: runs first, then pending, then excluded; within each, the
 * largest group first. A node with several reasons goes by its first (the one the scheduler checks
 * first), as `dsls preview` groups them.
 */
export function groupNodes(nodes: readonly NodePlacement[]): NodeGroup[] {
  const byKey = new Map<string, NodeGroup>();
  for (const node of nodes) {
    const outcome = outcomeOf(node);
    const first = node.reasons[0];
    const subject = first ? reasonSubject(first) : '';
    const key = `${outcome}|${subject}`;
    let group = byKey.get(key);
    if (!group) {
      group = { key, outcome, subject, code: first?.code, nodes: [] };
      byKey.set(key, group);
    }
    group.nodes.push(node);
  }
  const groups = [...byKey.values()];
  for (const group of groups) {
    const messages = new Set(group.nodes.map((n) => n.reasons[0]?.message ?? ''));
    if (messages.size === 1) {
      const [message] = messages;
      group.message = message || undefined;
    }
    const views = group.nodes.map((n) => nearMissView(n.nearMiss));
    const keys = new Set(views.map((v) => v?.key ?? ''));
    if (keys.size === 1 && views[0]) {
      group.nearMiss = views[0];
    }
  }
  return groups.sort((a, b) =>
    ORDER[a.outcome] - ORDER[b.outcome] || b.nodes.length - a.nodes.length || a.subject.localeCompare(b.subject));
}

/** "1 node", "4,980 nodes". */
export function countNodes(n: number): string {
  return `${n.toLocaleString('en-US')} node${n === 1 ? '' : 's'}`;
}
