// Renders a placement preview as the HTML body of the placement panel. Pure (no `vscode` import)
// so the markup is unit-tested; every value from the server is escaped.

import { DaemonSetPlacement, NearMiss, NodePlacement, PlacementPreview, runsSummary } from './protocol';

export function escapeHtml(s: unknown): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The words in the Placement column, as the chapter uses them. */
export function placementWord(node: NodePlacement): 'runs' | 'pending' | 'excluded' {
  switch (node.runs) {
    case 'yes':
      return 'runs';
    case 'pending':
      return 'pending';
    default:
      return 'excluded';
  }
}

// Reason codes from the server contract, in words for the badge's tooltip.
const REASON_TITLES: Record<string, string> = {
  nodeName: 'spec.template.spec.nodeName names another node',
  nodeSelector: 'a nodeSelector label the node lacks',
  nodeAffinity: 'required node affinity the node does not match',
  taint: 'a taint the pod does not tolerate',
  hostPort: 'a host port already taken on the node',
  podCount: 'the node has no room for another pod',
  resources: 'not enough allocatable CPU, memory or other resources',
};

function reasonsCell(node: NodePlacement): string {
  if (node.reasons.length === 0) {
    return node.runs === 'yes' ? '<span class="muted">—</span>' : '';
  }
  return node.reasons
    .map((r) => {
      const title = REASON_TITLES[r.code] ?? r.code;
      return `<div class="reason"><span class="code" title="${escapeHtml(title)}">${escapeHtml(r.code)}</span> ` +
        `${escapeHtml(r.message)}</div>`;
    })
    .join('');
}

/** The thing to change, in the form it would be written: a toleration or a node label. */
function nearMissSubject(near: NearMiss): string | undefined {
  if (near.toleration) {
    const t = near.toleration;
    const fields = (['key', 'operator', 'value', 'effect'] as const)
      .filter((k) => t[k] !== undefined && t[k] !== '')
      .map((k) => `${k}: ${t[k]}`);
    return `{${fields.join(', ')}}`;
  }
  if (near.key !== undefined) {
    return near.value !== undefined ? `${near.key}=${near.value}` : near.key;
  }
  return undefined;
}

function nearMissCell(node: NodePlacement): string {
  const near = node.nearMiss;
  if (!near) {
    return '';
  }
  if (typeof near === 'string') {
    return escapeHtml(near);
  }
  const subject = nearMissSubject(near);
  return `<div>${escapeHtml(near.message)}</div>` +
    (subject ? `<div class="subject"><span class="code">${escapeHtml(near.change)}</span> <code>${escapeHtml(subject)}</code></div>` : '');
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
  return `<div class="rollout">Rollout: ${parts.join(' · ')}${note}${error}</div>`;
}

function daemonSetSection(ds: DaemonSetPlacement): string {
  const { runs, pending, total } = runsSummary(ds);
  const ns = ds.namespace ? `<span class="muted">${escapeHtml(ds.namespace)}/</span>` : '';
  const pendingText = pending > 0 ? `, pending on ${pending}` : '';
  const rows = ds.nodes
    .map((n) => {
      const word = placementWord(n);
      return `<tr class="node ${word}" data-node="${escapeHtml(n.name)}">` +
        `<td class="name">${escapeHtml(n.name)}</td>` +
        `<td class="placement"><span class="pill ${word}">${word}</span></td>` +
        `<td class="why">${reasonsCell(n)}</td>` +
        `<td class="near">${nearMissCell(n)}</td>` +
        '</tr>';
    })
    .join('');
  const table = total === 0
    ? '<p class="empty">The inventory has no nodes. Run “DSLS: Select Inventory” or add <code>.dsls/inventory.yaml</code>.</p>'
    : '<table class="placement-table"><thead><tr><th>Node</th><th>Placement</th><th>Why</th><th>Near miss</th></tr></thead>' +
      `<tbody>${rows}</tbody></table>`;
  return `<section class="daemonset" data-name="${escapeHtml(ds.name)}">` +
    `<h2>${ns}${escapeHtml(ds.name)} <span class="summary">runs on ${runs} of ${total} node${total === 1 ? '' : 's'}${pendingText}</span></h2>` +
    (ds.nodeSelector ? `<div class="selector">nodeSelector: <code>${escapeHtml(ds.nodeSelector)}</code></div>` : '') +
    statusLine(ds) + rolloutLine(ds) + table + '</section>';
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
