// Renders the fleet (`dsls/fleet`, what `dsls fleet --format json` prints) as the HTML body of the
// fleet panel: per node pool the daemon pods' share of a node's CPU and memory, what a node has
// left, and the daemon pods that stay Pending (with what holds the room) or preempt (with their
// victims); then the Node templates and the DaemonSets, each linked to its file. Pure (no `vscode`
// import) so the markup is unit-tested; every value from the server is escaped.

import { countNodes } from './groups';
import { FleetDaemonSet, FleetGroup, FleetPending, FleetPreemption, FleetReport, FleetTemplate, Quantities } from './protocol';
import { escapeHtml, REASON_TITLES } from './render';

const BINARY_SUFFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL_SUFFIXES: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A Kubernetes quantity ("600m", "768Mi", "2", "1e3") as a number; undefined when it is none. */
export function parseQuantity(quantity: string | undefined): number | undefined {
  // "1E" is an exa suffix, "1E3" a decimal exponent: the suffix is tried first, then the exponent.
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(quantity?.trim() ?? '');
  if (!match) {
    return undefined;
  }
  const [, digits, suffix, exponent] = match;
  const scale = exponent !== undefined ? 10 ** Number(exponent)
    : suffix !== undefined ? BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix] : 1;
  return Number(digits) * scale;
}

/** `used` as a percentage of `of`; undefined when either is not a quantity or `of` is nothing. */
export function percentOf(used: string | undefined, of: string | undefined): number | undefined {
  const u = parseQuantity(used);
  const o = parseQuantity(of);
  return u === undefined || o === undefined || o <= 0 ? undefined : (u / o) * 100;
}

/** "32%"; "<1%" for a request too small to round to 1%, which "0%" would hide. */
function percentText(percent: number): string {
  return percent > 0 && percent < 0.5 ? '<1%' : `${Math.round(percent)}%`;
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** A name from the server (pool, DaemonSet, node, pod): whole, in its own box, wrapping if it must. */
function nameHtml(name: string, title?: string): string {
  return `<span class="name"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(name)}</span>`;
}

function namesHtml(names: readonly string[]): string {
  return names.map((n) => nameHtml(n)).join(', ');
}

/** CPU and memory first, as every pool has them, then any other resource in the server's order. */
function quantitiesHtml(quantities: Quantities | undefined): string {
  const entries = Object.entries(quantities ?? {});
  const rank = (resource: string) => (resource === 'cpu' ? 0 : resource === 'memory' ? 1 : 2);
  return entries
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([resource, quantity]) => `<span class="quantity">${escapeHtml(resource)} <b>${escapeHtml(quantity)}</b></span>`)
    .join(' ');
}

/** Below this share of a node the daemon pods leave room to spare; above OVERHEAD_HIGH, little. */
const OVERHEAD_LOW = 50;
const OVERHEAD_HIGH = 80;

/** "cpu 600m of 1900m (32%)" beside a bar of that share, for one resource of one pool's node. */
function overheadBar(resource: 'cpu' | 'memory', group: FleetGroup): string {
  const used = group.requestsPerNode?.[resource];
  const of = group.allocatablePerNode?.[resource];
  if (used === undefined && of === undefined) {
    return '';
  }
  // No entry in requestsPerNode: the daemon pods request none of it.
  const request = used ?? '0';
  const percent = percentOf(request, of);
  const label = of === undefined
    ? `${resource} ${request}, allocatable unknown`
    : `${resource} ${request} of ${of}${percent === undefined ? '' : ` (${percentText(percent)})`}`;
  // A <meter> needs no inline style, which the panel's content security policy does not allow.
  const meter = percent === undefined ? '<span class="meter-none"></span>'
    : `<meter class="overhead" min="0" max="100" low="${OVERHEAD_LOW}" high="${OVERHEAD_HIGH}" optimum="0" ` +
      `value="${Math.min(100, percent).toFixed(1)}" aria-label="${escapeHtml(label)}"></meter>`;
  return `<div class="bar ${resource}">${meter}<span class="bar-label">${escapeHtml(label)}</span></div>`;
}

function reasonHtml(reason: string | undefined): string {
  return reason ? ` · <span class="reason" title="${escapeHtml(REASON_TITLES[reason] ?? reason)}">${escapeHtml(reason)}</span>` : '';
}

function pendingItem(pending: FleetPending): string {
  const where = pending.nodes !== undefined ? ` <span class="where">on ${countNodes(pending.nodes)}</span>` : '';
  const heldBy = pending.heldBy?.length
    ? `<div class="held-by">room taken by ${namesHtml(pending.heldBy)} (bound first)</div>` : '';
  const examples = pending.examples?.length ? `<div class="examples">e.g. ${namesHtml(pending.examples)}</div>` : '';
  return `<li class="pending-pods" data-daemonset="${escapeHtml(pending.daemonSet)}"><span class="pill pending">pending</span> ` +
    `${nameHtml(pending.daemonSet)}${where}${reasonHtml(pending.reason)}${heldBy}${examples}</li>`;
}

function preemptionItem(preemption: FleetPreemption): string {
  const where = preemption.nodes !== undefined ? ` <span class="where">on ${countNodes(preemption.nodes)}</span>` : '';
  const victims = preemption.victims?.length ? `<div class="victims">evicts ${namesHtml(preemption.victims)}</div>` : '';
  return `<li class="preempting-pods" data-daemonset="${escapeHtml(preemption.daemonSet)}"><span class="pill preempts">preempts</span> ` +
    `${nameHtml(preemption.daemonSet)}${where}${victims}</li>`;
}

function podLists(pending: readonly FleetPending[], preemptions: readonly FleetPreemption[]): string {
  if (pending.length === 0 && preemptions.length === 0) {
    return '';
  }
  return `<ul class="pods">${pending.map(pendingItem).join('')}${preemptions.map(preemptionItem).join('')}</ul>`;
}

/** The pool's id in the page, for the overview's links: its index (a key may hold any character). */
function poolId(index: number): string {
  return `pool-${index}`;
}

function poolSection(group: FleetGroup, index: number, groupBy: string): string {
  const pending = group.pending ?? [];
  const preemptions = group.preemptions ?? [];
  const keyTitle = group.key === '<none>' ? `nodes without the label ${groupBy}` : `${groupBy}=${group.key}`;
  const facts = [countNodes(group.nodes), count(group.templates ?? 0, 'template')];
  if (group.daemonPods !== undefined) {
    facts.push(count(group.daemonPods, 'daemon pod'));
  }
  const bars = overheadBar('cpu', group) + overheadBar('memory', group);
  const left = quantitiesHtml(group.availablePerNode);
  const classes = ['pool', pending.length > 0 ? 'has-pending' : '', preemptions.length > 0 ? 'has-preemptions' : '']
    .filter(Boolean).join(' ');
  return `<article class="${classes}" id="${poolId(index)}" data-pool="${escapeHtml(group.key)}">` +
    `<h3>${nameHtml(group.key, keyTitle)}</h3>` +
    `<div class="facts">${facts.map((f) => `<span class="fact">${f}</span>`).join('')}</div>` +
    (bars ? `<div class="bars" title="the daemon pods' requests on the node of this pool where they ask the most, ` +
      `of what a node allocates">${bars}</div>` : '') +
    (left ? `<div class="left" title="the least left on one node of this pool, after the daemon pods and the inventory's pods">` +
      `left per node: ${left}</div>` : '') +
    podLists(pending, preemptions) + '</article>';
}

/** "pending in 2 pools: a, b", linking to each pool, so the ones to look at are found among 40. */
function poolLinks(what: string, groups: readonly FleetGroup[], has: (g: FleetGroup) => boolean): string {
  const links = groups.map((g, i) => (has(g) ? `<a href="#${poolId(i)}">${nameHtml(g.key)}</a>` : '')).filter(Boolean);
  return links.length === 0 ? '' : `<div class="attention">${what} in ${count(links.length, 'pool')}: ${links.join(', ')}</div>`;
}

function poolsSection(fleet: FleetReport): string {
  const groups = fleet.groups;
  if (groups.length === 0) {
    return '<p class="empty">The inventory has no nodes. Run “DSLS: Select Inventory” or add <code>.dsls/inventory.yaml</code>.</p>';
  }
  const nodes = groups.reduce((sum, g) => sum + g.nodes, 0);
  return `<section class="pools-section"><h2>Node pools <span class="summary">${count(groups.length, 'pool')} by ` +
    `<code>${escapeHtml(fleet.groupBy)}</code>, ${countNodes(nodes)}</span></h2>` +
    poolLinks('Pending', groups, (g) => (g.pending ?? []).length > 0) +
    poolLinks('Preempting', groups, (g) => (g.preemptions ?? []).length > 0) +
    `<div class="pools">${groups.map((g, i) => poolSection(g, i, fleet.groupBy)).join('')}</div></section>`;
}

function templateItem(template: FleetTemplate): string {
  const left = quantitiesHtml(template.left);
  const facts = [];
  if (template.group !== undefined) {
    facts.push(`pool ${nameHtml(template.group)}`);
  }
  if (template.daemonPods !== undefined) {
    facts.push(count(template.daemonPods, 'daemon pod'));
  }
  return `<li class="template" data-template="${escapeHtml(template.name)}">` +
    `<div class="template-head">${nameHtml(template.name, 'metadata.generateName of the Node template')} ` +
    `<span class="pill ${template.fits ? 'fits' : 'no-fit'}">fits: ${template.fits ? 'yes' : 'no'}</span>` +
    facts.map((f) => ` <span class="fact">${f}</span>`).join('') + '</div>' +
    (left ? `<div class="left">leaves ${left}</div>` : '') +
    podLists(template.pending ?? [], []) + '</li>';
}

function templatesSection(templates: readonly FleetTemplate[]): string {
  if (templates.length === 0) {
    return '';
  }
  return `<section class="templates-section"><h2>Node templates <span class="summary">a new node of the pool, ` +
    'with every daemon pod meant for it</span></h2>' +
    `<ul class="templates">${templates.map(templateItem).join('')}</ul></section>`;
}

function daemonSetItem(ds: FleetDaemonSet): string {
  // A button, not a link: the panel's script asks the extension to open the file at the line.
  const where = ds.file ?? ds.uri;
  const name = ds.uri || ds.file
    ? `<button type="button" class="name open-daemonset" data-uri="${escapeHtml(ds.uri ?? '')}" ` +
      `data-file="${escapeHtml(ds.file ?? '')}" data-line="${escapeHtml(ds.line ?? 0)}" ` +
      `title="${escapeHtml(`${where}, line ${(ds.line ?? 0) + 1}`)}">${escapeHtml(ds.name)}</button>`
    : nameHtml(ds.name);
  const facts: string[] = [];
  const priority = ds.priority !== undefined ? ` (${escapeHtml(ds.priority)})` : '';
  facts.push(ds.priorityClassName
    ? `<span class="fact priority">${nameHtml(ds.priorityClassName)}${priority}</span>`
    : `<span class="fact priority muted">no priority class${priority}</span>`);
  if (ds.desired !== undefined) {
    facts.push(`<span class="fact">${(ds.running ?? 0).toLocaleString('en-US')}/${ds.desired.toLocaleString('en-US')} running</span>`);
  }
  if (ds.pending) {
    facts.push(`<span class="fact pending">${ds.pending.toLocaleString('en-US')} pending</span>`);
  }
  if (ds.preempting) {
    facts.push(`<span class="fact preempts">${ds.preempting.toLocaleString('en-US')} preempting</span>`);
  }
  return `<li class="daemonset-row" data-daemonset="${escapeHtml(ds.name)}">${name}<span class="facts">${facts.join('')}</span></li>`;
}

function daemonSetsSection(daemonSets: readonly FleetDaemonSet[]): string {
  if (daemonSets.length === 0) {
    return '<p class="empty">No DaemonSet in this workspace folder.</p>';
  }
  return `<section class="daemonsets-section"><h2>DaemonSets <span class="summary">${daemonSets.length.toLocaleString('en-US')}</span></h2>` +
    `<ul class="daemonsets">${daemonSets.map(daemonSetItem).join('')}</ul></section>`;
}

export interface FleetContext {
  /** The workspace folder shown in the header. */
  folderLabel: string;
  /** Shown instead of the fleet when the request failed or the server is not running. */
  error?: string;
}

export function renderFleetBody(fleet: FleetReport | null | undefined, ctx: FleetContext): string {
  const inventory = fleet?.inventory ? ` · inventory <code>${escapeHtml(fleet.inventory)}</code>` : '';
  const header = `<header><span class="file">${escapeHtml(ctx.folderLabel)}</span>${inventory}</header>`;
  if (ctx.error) {
    return header + `<p class="error">${escapeHtml(ctx.error)}</p>`;
  }
  if (fleet === undefined) {
    return header + '<p class="muted">Waiting for the language server…</p>';
  }
  if (fleet === null) {
    return header + '<p class="empty">No fleet for this folder: open a folder with DaemonSet manifests.</p>';
  }
  return header + poolsSection(fleet) + templatesSection(fleet.templates ?? []) + daemonSetsSection(fleet.daemonSets);
}
