import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuantity, percentOf, renderFleetBody } from '../src/fleet';
import { FleetGroup, FleetReport } from '../src/protocol';

/** The example of the server contract (`dsls fleet --format json`). */
const contract: FleetReport = {
  groupBy: 'node.kubernetes.io/instance-type',
  inventory: '/ws/.dsls/inventory.yaml',
  daemonSets: [
    {
      name: 'kube-system/cilium', file: '/ws/cni.yaml', uri: 'file:///ws/cni.yaml', line: 0,
      priority: 2000001000, priorityClassName: 'system-node-critical',
      desired: 120, running: 118, pending: 2, preempting: 1,
    },
    { name: 'kube-system/fluent-bit', file: '/ws/logs.yaml', uri: 'file:///ws/logs.yaml', line: 14, priority: 0, desired: 120, running: 118, pending: 2 },
  ],
  groups: [{
    key: 'm5.large', nodes: 100, templates: 0, daemonPods: 500,
    requests: { cpu: '60', memory: '76800Mi' },
    requestsPerNode: { cpu: '600m', memory: '768Mi' },
    allocatable: { cpu: '190', memory: '700Gi', pods: '2900' },
    allocatablePerNode: { cpu: '1900m', memory: '7Gi', pods: '29' },
    available: { cpu: '80', memory: '300Gi' },
    availablePerNode: { cpu: '300m', memory: '1Gi' },
    pending: [{ daemonSet: 'kube-system/fluent-bit', nodes: 2, reason: 'resources', heldBy: ['kube-system/cilium'], examples: ['ip-10-0-1-7'] }],
    preemptions: [{ daemonSet: 'kube-system/cilium', nodes: 1, victims: ['default/web-1'] }],
  }],
  templates: [{
    name: 'gpu-pool-', group: 'p3.2xlarge', fits: false, daemonPods: 4,
    pending: [{ daemonSet: 'kube-system/nvidia-device-plugin', reason: 'resources', heldBy: ['kube-system/cilium'] }],
    left: { cpu: '1200m', memory: '2Gi' },
  }],
  text: 'GROUP ...',
};

/** The markup of one element and what it holds, from its opening tag on. */
function element(html: string, start: string): string {
  const from = html.indexOf(start);
  assert.ok(from >= 0, `no ${start} in the markup`);
  const tag = /^<(\w+)/.exec(start)?.[1] ?? 'li';
  const end = html.indexOf(`</${tag}>`, from);
  return html.slice(from, end + tag.length + 3);
}

/** The text a user reads: tags removed, entities decoded. */
function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('renderFleetBody', () => {
  const html = renderFleetBody(contract, { folderLabel: 'ws' });
  const pool = element(html, '<article class="pool has-pending has-preemptions" id="pool-0" data-pool="m5.large">');

  it('draws the daemon pods\' share of a node per pool: the bar, the quantities and the percentage', () => {
    assert.match(pool, /<div class="bar cpu"><meter class="overhead" min="0" max="100" low="50" high="80" optimum="0" value="31\.6" aria-label="cpu 600m of 1900m \(32%\)"><\/meter><span class="bar-label">cpu 600m of 1900m \(32%\)<\/span><\/div>/);
    assert.match(pool, /<span class="bar-label">memory 768Mi of 7Gi \(11%\)<\/span>/);
    assert.match(visibleText(pool), /100 nodes\s*0 templates\s*500 daemon pods/);
    assert.match(visibleText(pool), /left per node: cpu 300m memory 1Gi/);
    assert.match(pool, /<h3><span class="name" title="node\.kubernetes\.io\/instance-type=m5\.large">m5\.large<\/span><\/h3>/);
  });

  it('names what holds the room of a pending pod, and whom a preemption evicts', () => {
    const pending = element(pool, '<li class="pending-pods" data-daemonset="kube-system/fluent-bit">');
    assert.equal(visibleText(pending), 'pending kube-system/fluent-bit on 2 nodes · resources' +
      'room taken by kube-system/cilium (bound first)e.g. ip-10-0-1-7');
    assert.match(pending, /<span class="reason" title="not enough allocatable CPU, memory or other resources">resources<\/span>/);
    const preemption = element(pool, '<li class="preempting-pods" data-daemonset="kube-system/cilium">');
    assert.equal(visibleText(preemption), 'preempts kube-system/cilium on 1 nodeevicts default/web-1');
    // Among 40 pools, the overview links to the ones to look at.
    assert.match(html, /<div class="attention">Pending in 1 pool: <a href="#pool-0"><span class="name">m5\.large<\/span><\/a><\/div>/);
    assert.match(html, /<div class="attention">Preempting in 1 pool: <a href="#pool-0">/);
  });

  it('says for each Node template whether it fits and what it leaves', () => {
    const template = element(html, '<li class="template" data-template="gpu-pool-">');
    assert.match(template, /<span class="pill no-fit">fits: no<\/span>/);
    assert.match(visibleText(template), /^gpu-pool- fits: no pool p3\.2xlarge 4 daemon pods/);
    assert.match(visibleText(template), /leaves cpu 1200m memory 2Gi/);
    assert.match(visibleText(template), /pending kube-system\/nvidia-device-plugin · resourcesroom taken by kube-system\/cilium/);
    const fits = renderFleetBody({ ...contract, templates: [{ name: 'spare-', fits: true }] }, { folderLabel: 'ws' });
    assert.match(fits, /<span class="pill fits">fits: yes<\/span>/);
  });

  it('lists the DaemonSets, each name a button that opens its file at its line', () => {
    const cilium = element(html, '<li class="daemonset-row" data-daemonset="kube-system/cilium">');
    assert.match(cilium, /<button type="button" class="name open-daemonset" data-uri="file:\/\/\/ws\/cni\.yaml" data-file="\/ws\/cni\.yaml" data-line="0" title="\/ws\/cni\.yaml, line 1">kube-system\/cilium<\/button>/);
    assert.equal(visibleText(cilium), 'kube-system/ciliumsystem-node-critical (2000001000)118/120 running2 pending1 preempting');
    const fluentBit = element(html, '<li class="daemonset-row" data-daemonset="kube-system/fluent-bit">');
    assert.match(fluentBit, /data-line="14" title="\/ws\/logs\.yaml, line 15"/);
    assert.match(visibleText(fluentBit), /no priority class \(0\)118\/120 running2 pending$/);
  });

  it('shows the inventory and the label that makes the pools', () => {
    assert.match(html, /<header><span class="file">ws<\/span> · inventory <code>\/ws\/\.dsls\/inventory\.yaml<\/code><\/header>/);
    assert.match(html, /<h2>Node pools <span class="summary">1 pool by <code>node\.kubernetes\.io\/instance-type<\/code>, 100 nodes<\/span><\/h2>/);
  });
});

describe('what the server may leave out', () => {
  const bare: FleetReport = {
    groupBy: 'node.kubernetes.io/instance-type',
    daemonSets: [{ name: 'kube-system/kube-proxy' }],
    groups: [
      { key: 'small', nodes: 3 },
      { key: '<none>', nodes: 1, allocatablePerNode: { cpu: '2', memory: '4Gi' }, requestsPerNode: { memory: '64Mi' }, pending: [{ daemonSet: 'x/y' }] },
    ],
  };
  const html = renderFleetBody(bare, { folderLabel: 'ws' });

  it('renders without templates, preemptions, examples, quantities or a file', () => {
    assert.doesNotMatch(html, /undefined|NaN|null/);
    assert.doesNotMatch(html, /templates-section|preempting-pods|examples|held-by|attention">Preempting/);
    assert.doesNotMatch(element(html, '<article class="pool" id="pool-0"'), /class="bar|class="left/);
    // No button without a file to open.
    assert.match(html, /<li class="daemonset-row" data-daemonset="kube-system\/kube-proxy"><span class="name">kube-system\/kube-proxy<\/span>/);
  });

  it('counts a resource the daemon pods do not request as none of the node', () => {
    const none = element(html, '<article class="pool has-pending" id="pool-1"');
    assert.match(none, /<span class="bar-label">cpu 0 of 2 \(0%\)<\/span>/);
    assert.match(none, /<span class="bar-label">memory 64Mi of 4Gi \(2%\)<\/span>/);
    assert.match(none, /<h3><span class="name" title="nodes without the label node\.kubernetes\.io\/instance-type">&lt;none&gt;<\/span><\/h3>/);
  });

  it('draws no bar without a node\'s allocatable, and says so', () => {
    const out = renderFleetBody({ ...bare, groups: [{ key: 'k', nodes: 1, requestsPerNode: { cpu: '5m' } }] }, { folderLabel: 'ws' });
    assert.match(out, /<div class="bar cpu"><span class="meter-none"><\/span><span class="bar-label">cpu 5m, allocatable unknown<\/span><\/div>/);
    const tiny = renderFleetBody({ ...bare, groups: [{ key: 'k', nodes: 1, requestsPerNode: { cpu: '5m' }, allocatablePerNode: { cpu: '1900m' } }] }, { folderLabel: 'ws' });
    assert.match(tiny, /cpu 5m of 1900m \(&lt;1%\)/);
  });

  it('says what to do without nodes, without DaemonSets, while waiting and on errors', () => {
    assert.match(renderFleetBody({ ...bare, groups: [] }, { folderLabel: 'ws' }), /The inventory has no nodes\. Run “DSLS: Select Inventory”/);
    assert.match(renderFleetBody({ ...bare, daemonSets: [] }, { folderLabel: 'ws' }), /No DaemonSet in this workspace folder/);
    assert.match(renderFleetBody(undefined, { folderLabel: 'ws' }), /Waiting for the language server/);
    assert.match(renderFleetBody(null, { folderLabel: 'ws' }), /No fleet for this folder/);
    assert.match(renderFleetBody(contract, { folderLabel: 'ws', error: 'boom' }), /<p class="error">boom<\/p>/);
  });
});

describe('server text in the markup', () => {
  it('is escaped everywhere: names, keys, quantities, reasons and the file to open', () => {
    const evil = '"><img src=x onerror=alert(1)>';
    const out = renderFleetBody({
      groupBy: evil,
      inventory: evil,
      daemonSets: [{ name: evil, uri: evil, file: evil, priorityClassName: evil }],
      groups: [{
        key: evil, nodes: 1, requestsPerNode: { [evil]: evil, cpu: evil }, allocatablePerNode: { cpu: evil }, availablePerNode: { [evil]: evil },
        pending: [{ daemonSet: evil, reason: evil, heldBy: [evil], examples: [evil] }],
        preemptions: [{ daemonSet: evil, victims: [evil] }],
      }],
      templates: [{ name: evil, group: evil, fits: false, left: { [evil]: evil }, pending: [{ daemonSet: evil }] }],
    }, { folderLabel: evil });
    assert.equal(out.includes('<img'), false);
    assert.equal(out.includes(evil), false);
    assert.match(out, /data-uri="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;"/);
  });
});

describe('40 pools with 61-character names', () => {
  const name = (i: number) => `gke-production-europe-west1-default-pool-4f7a9c21-${String(i).padStart(4, '0')}-abcdef`;
  const groups: FleetGroup[] = Array.from({ length: 40 }, (_, i) => ({
    key: `production-europe-west1-pool-${String(i).padStart(2, '0')}-n2-highmem-16-ssd`,
    nodes: 10 + i,
    requestsPerNode: { cpu: '1250m', memory: '2Gi' },
    allocatablePerNode: { cpu: '15890m', memory: '120Gi' },
    pending: i % 4 === 0 ? [{
      daemonSet: 'observability/opentelemetry-collector-agent-with-a-long-release-name',
      nodes: 2, reason: 'resources', heldBy: ['kube-system/cilium'], examples: [name(i), name(i + 1)],
    }] : [],
  }));
  const html = renderFleetBody({ groupBy: 'node.kubernetes.io/instance-type', daemonSets: [], groups }, { folderLabel: 'ws' });

  it('renders every pool once, with a distinct id', () => {
    const ids = [...html.matchAll(/<article class="pool[^"]*" id="(pool-\d+)"/g)].map((m) => m[1]);
    assert.equal(ids.length, 40);
    assert.equal(new Set(ids).size, 40);
  });

  it('keeps every name whole, in a box of its own that may wrap (the stylesheet wraps .name)', () => {
    assert.equal(name(0).length, 61);
    for (const g of groups) {
      assert.ok(html.includes(`<span class="name" title="node.kubernetes.io/instance-type=${g.key}">${g.key}</span>`), g.key);
    }
    for (const i of [0, 1, 36, 37]) {
      assert.ok(html.includes(`<span class="name">${name(i)}</span>`), name(i));
    }
    assert.doesNotMatch(html, /…/);
  });

  it('links the ten pools with pending pods from the top', () => {
    const links = /<div class="attention">Pending in 10 pools: (.*?)<\/div>/.exec(html)?.[1] ?? '';
    assert.deepEqual([...links.matchAll(/href="#(pool-\d+)"/g)].map((m) => m[1]),
      [0, 4, 8, 12, 16, 20, 24, 28, 32, 36].map((i) => `pool-${i}`));
  });
});

describe('parseQuantity and percentOf', () => {
  const cases: [string, number | undefined][] = [
    ['600m', 0.6], ['2', 2], ['1.5', 1.5], ['768Mi', 768 * 2 ** 20], ['7Gi', 7 * 2 ** 30], ['100k', 1e5],
    ['1e3', 1000], ['1E', 1e18], ['250M', 2.5e8], ['.5', 0.5], ['', undefined], ['abc', undefined], ['5Mix', undefined],
  ];
  for (const [quantity, value] of cases) {
    it(`${JSON.stringify(quantity)} is ${value}`, () => assert.equal(parseQuantity(quantity), value));
  }
  it('gives the share, and nothing without a positive whole', () => {
    assert.equal(Math.round(percentOf('600m', '1900m') ?? -1), 32);
    assert.equal(Math.round(percentOf('768Mi', '7Gi') ?? -1), 11);
    assert.equal(percentOf('1', '0'), undefined);
    assert.equal(percentOf('1', undefined), undefined);
  });
});
