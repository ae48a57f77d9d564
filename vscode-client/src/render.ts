// Renders a placement preview as the HTML body of the placement panel: per DaemonSet its status and
// rollout, then its nodes grouped by outcome and reason (groups.ts), each group listing its nodes.
// Pure (no `vscode` import) so the markup is unit-tested; every value from the server is escaped.

import { countNodes, groupNodes, NearMissView, nearMissView, NodeGroup } from './groups';
import { DaemonSetPlacement, NodePlacement, PlacementPreview, runsSummary } from './protocol';

export function escapeHtml(s: unknown): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function statusLine(ds: DaemonSetPlacement): string {
  const s = ds.status;
  if (!s) {
    return '';
  }
  // Show the controller's own status fields, in its own names, as `kubectl get ds -o yaml` would.
  const items = Object.entries(s).map(([k, v]) => `<span class="stat">${escapeHtml(k)}: <b>${escapeHtml(v)}</b></span>`);
  return `<div class="status">${items.join(' ')}</div>`;
}

function rolloutLine(ds: DaemonSetPlacement): string {
  const r = ds.rollout;
  if (!r || !r.strategy) {
    return '';
  }
  const parts = [`strategy <b>${escapeHtml(r.strategy)}</b>`];
  if (r.waves === 0) {
    // No node is desired: the server's note says there is nothing to roll out; figures would contradict it.
    const note = r.note ? `<div class="muted">${escapeHtml(r.note)}</div>` : '';
    return `<div class="rollout">Rollout: <span class="part">${parts[0]}</span>${note}</div>`;
  }
  if (r.maxUnavailable !== undefined) {
    parts.push(`maxUnavailable ${escapeHtml(r.maxUnavailable)}`);
  }
  if (r.maxSurge !== undefined) {
    parts.push(`maxSurge ${escapeHtml(r.maxSurge)}`);
  }
  if (r.waves !== undefined) {
    parts.push(`${escapeHtml(r.waves)} wave${r.waves === 1 ? '' : 's'}`);
  }
  if (r.minReadySeconds !== undefined) {
    parts.push(`minReadySeconds ${escapeHtml(r.minReadySeconds)}`);
  }
  const note = r.note ? `<div class="muted">${escapeHtml(r.note)}</div>` : '';
  const error = r.error ? `<div class="error">${escapeHtml(r.error)}</div>` : '';
  return `<div class="rollout">Rollout: ${parts.map((p) => `<span class="part">${p}</span>`).join(' · ')}${note}${error}</div>`;
}

// Reason codes from the server contract, in words for the group's tooltip.
export const REASON_TITLES: Record<string, string> = {
  nodeName: 'spec.template.spec.nodeName names another node',
  nodeSelector: 'a nodeSelector label the node lacks',
  nodeAffinity: 'required node affinity the node does not match',
  taint: 'a taint the pod does not tolerate',
  hostPort: 'a host port already taken on the node',
  podCount: 'the node has no room for another pod',
  resources: 'not enough allocatable CPU, memory or other resources',
};

/** Nodes listed per group until "Show all"; the filter searches every node. */
export const NODES_SHOWN = 200;
/** Groups of at most this many nodes start open; bigger ones show their count until clicked. */
export const OPEN_UP_TO = 20;

function nearMissHtml(v: NearMissView, tag: 'div' | 'span'): string {
  return `<${tag} class="near" title="${escapeHtml(v.title)}"><span class="tag">near miss</span> ${escapeHtml(v.action)}` +
    (v.subject ? ` <code>${escapeHtml(v.subject)}</code>` : '') + `</${tag}>`;
}

/** What the group's header does not already say about this node: its own reason and near miss. */
function nodeDetail(node: NodePlacement, group: NodeGroup): string {
  const parts: string[] = [];
  const [first, ...more] = node.reasons;
  if (first && group.message === undefined) {
    parts.push(first.message);
  }
  for (const r of more) {
    parts.push(`${r.code}: ${r.message}`);
  }
  let html = '';
  if (parts.length > 0) {
    const text = parts.join('; ');
    html += `<span class="detail" title="${escapeHtml(text)}">${escapeHtml(text)}</span>`;
  }
  const near = group.nearMiss ? undefined : nearMissView(node.nearMiss);
  if (near) {
    html += nearMissHtml(near, 'span');
  }
  return html;
}

/** Column width class for a list of bare names: as wide as the longest name, in steps of 10 characters. */
function widthClass(nodes: readonly NodePlacement[]): string {
  const longest = nodes.reduce((max, n) => Math.max(max, n.name.length), 0);
  return `w${Math.min(70, Math.max(20, Math.ceil(longest / 10) * 10))}`;
}

function groupSection(group: NodeGroup, owner: string): string {
  const details = group.nodes.map((n) => nodeDetail(n, group));
  const withDetail = details.some((d) => d !== '');
  const items = group.nodes.map((n, i) =>
    `<li class="node" data-node="${escapeHtml(n.name)}"${i >= NODES_SHOWN ? ' hidden' : ''}>` +
    `<span class="name" title="${escapeHtml(n.name)}">${escapeHtml(n.name)}</span>${details[i]}</li>`).join('');
  const total = group.nodes.length;
  const subjectTitle = group.code ? `${group.code}: ${REASON_TITLES[group.code] ?? group.code}` : '';
  const subject = group.subject
    ? `<span class="subject" title="${escapeHtml(subjectTitle)}">${escapeHtml(group.subject)}</span>`
    : '';
  const more = total > NODES_SHOWN
    ? `<div class="more">Showing <span class="shown">${NODES_SHOWN.toLocaleString('en-US')}</span> of ` +
      `<span class="of">${total.toLocaleString('en-US')}</span>. <button type="button" class="show-all">Show all</button> ` +
      'or filter by node name above.</div>'
    : '';
  return `<details class="group ${group.outcome}" data-group="${escapeHtml(`${owner}|${group.key}`)}" ` +
    `data-cap="${NODES_SHOWN}"${total <= OPEN_UP_TO ? ' open' : ''}>` +
    `<summary><span class="pill ${group.outcome}">${group.outcome}</span><span class="head">${subject}` +
    ` <span class="count" data-total="${total}">· ${countNodes(total)}</span></span></summary>` +
    '<div class="group-body">' +
    (group.message ? `<div class="why">${escapeHtml(group.message)}</div>` : '') +
    (group.nearMiss ? nearMissHtml(group.nearMiss, 'div') : '') +
    `<ul class="nodes ${withDetail ? 'rows' : `names ${widthClass(group.nodes)}`}">${items}</ul>` +
    more + '</div></details>';
}

function daemonSetSection(ds: DaemonSetPlacement): string {
  const { runs, pending, total } = runsSummary(ds);
  const ns = ds.namespace ? `<span class="muted">${escapeHtml(ds.namespace)}/</span>` : '';
  const pendingText = pending > 0 ? `, pending on ${pending.toLocaleString('en-US')}` : '';
  const body = total === 0
    ? '<p class="empty">The inventory has no nodes. Run “DSLS: Select Inventory” or add <code>.dsls/inventory.yaml</code>.</p>'
    : `<div class="groups">${groupNodes(ds.nodes).map((g) => groupSection(g, `${ds.namespace ?? ''}/${ds.name}`)).join('')}</div>` +
      '<p class="no-match" hidden>No node of this DaemonSet matches the filter.</p>';
  return `<section class="daemonset" data-name="${escapeHtml(ds.name)}">` +
    `<h2>${ns}${escapeHtml(ds.name)} <span class="summary">runs on ${runs.toLocaleString('en-US')} of ` +
    `${countNodes(total)}${pendingText}</span></h2>` +
    (ds.nodeSelector ? `<div class="selector">nodeSelector: <code>${escapeHtml(ds.nodeSelector)}</code></div>` : '') +
    statusLine(ds) + rolloutLine(ds) + body + '</section>';
}
export interface RenderContext {
  /** File name shown in the header. */
  fileLabel: string;
  /** Shown instead of the table when the request failed or the server is not running. */
  error?: string;
}

export function renderPlacementBody(preview: PlacementPreview | undefined, ctx: RenderContext): string {
  const header = `<header><span class="file">${escapeHtml(ctx.fileLabel)}</span></header>`;
  if (ctx.error) {
    return header + `<p class="error">${escapeHtml(ctx.error)}</p>`;
  }
  if (!preview) {
    return header + '<p class="muted">Waiting for the language server…</p>';
  }
  if (preview.daemonSets.length === 0) {
    return header + '<p class="empty">No DaemonSet here. Put the cursor in a DaemonSet manifest.</p>';
  }
  return header + preview.daemonSets.map(daemonSetSection).join('');
}
