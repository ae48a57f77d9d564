import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countNodes, groupNodes, nearMissView, reasonSubject } from '../src/groups';
import { NodePlacement, PlacementPreview } from '../src/protocol';
import { NODES_SHOWN, OPEN_UP_TO, renderPlacementBody } from '../src/render';

const CONTROL_PLANE_TAINT = 'node has the taint node-role.kubernetes.io/control-plane:NoSchedule and the pod template does not tolerate it';
const CONTROL_PLANE_NEAR = {
  change: 'toleration',
  message: 'add the toleration {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule} to spec.template.spec.tolerations to run on kind-control-plane (taint node-role.kubernetes.io/control-plane:NoSchedule)',
  toleration: { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
};

const demo: PlacementPreview = {
  daemonSets: [{
    name: 'demo',
    namespace: 'default',
    status: { desiredNumberScheduled: 2, numberMisscheduled: 0 },
    rollout: { strategy: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0, waves: 2 },
    nodes: [
      {
        name: 'kind-control-plane', desired: false, fits: true, runs: 'no',
        reasons: [{ code: 'taint', message: CONTROL_PLANE_TAINT }],
        nearMiss: CONTROL_PLANE_NEAR,
      },
      {
        name: 'kind-worker', desired: true, fits: true, runs: 'yes', reasons: [],
      },
      {
        name: 'gpu-node', desired: false, fits: true, runs: 'no',
        reasons: [{ code: 'nodeSelector', message: 'node has no label gpu; the nodeSelector wants gpu=cuda' }],
        nearMiss: 'label the node gpu=cuda',
      },
      { name: 'kind-worker2', desired: true, fits: false, runs: 'pending', reasons: [{ code: 'resources', message: 'needs cpu 10, 8 free (allocatable 8, 0 requested by the pods already there)' }] },
    ],
  }],
};

/** `count` nodes named like EKS's (or, with `long`, 60 characters like GKE's). */
function fleet(count: number, make: (i: number, name: string) => Partial<NodePlacement>, long = false): NodePlacement[] {
  return Array.from({ length: count }, (_, i) => {
    const name = long
      ? `gke-production-europe-west1-default-pool-4f7a9c21-${String(i).padStart(4, '0')}-abcdef`
      : `ip-10-0-${Math.floor(i / 250)}-${i % 250}.eu-west-1.compute.internal`;
    return { name, desired: true, fits: true, runs: 'yes', reasons: [], ...make(i, name) } as NodePlacement;
  });
}

/** Groups in the markup, as "outcome subject count". */
function groupHeads(html: string): string[] {
  return [...html.matchAll(/<summary><span class="pill (\w+)">\w+<\/span><span class="head">(?:<span class="subject"[^>]*>([^<]*)<\/span>)? <span class="count"[^>]*>· ([^<]*)<\/span><\/span><\/summary>/g)]
    .map((m) => [m[1], m[2], m[3]].filter(Boolean).join(' '));
}

describe('renderPlacementBody', () => {
  const html = renderPlacementBody(demo, { fileLabel: 'ds.demo.yaml' });

  it('groups the nodes by outcome and reason, runs first', () => {
    assert.match(html, /runs on 1 of 4 nodes, pending on 1/);
    assert.deepEqual(groupHeads(html), [
      'runs 1 node',
      'pending resources cpu 1 node',
      'excluded nodeSelector gpu=cuda 1 node',
      'excluded taint node-role.kubernetes.io/control-plane:NoSchedule 1 node',
    ]);
    assert.match(html, /data-group="default\/demo\|excluded\|taint node-role\.kubernetes\.io\/control-plane:NoSchedule"[^>]*>.*data-node="kind-control-plane"/);
    assert.match(html, /class="pill runs">runs<\/span>.*data-node="kind-worker"/);
    assert.match(html, /class="pill pending">pending<\/span>.*data-node="kind-worker2"/);
  });

  it('says the reason and the near miss once, the toleration once', () => {
    const taintGroup = html.slice(html.indexOf('class="group excluded" data-group="default/demo|excluded|taint'));
    assert.match(taintGroup, /<div class="why">node has the taint node-role\.kubernetes\.io\/control-plane:NoSchedule and the pod template does not tolerate it<\/div>/);
    assert.match(taintGroup, /<div class="near" title="add the toleration [^"]*to run on kind-control-plane[^"]*"><span class="tag">near miss<\/span> add to spec\.template\.spec\.tolerations <code>\{key: node-role\.kubernetes\.io\/control-plane, operator: Exists, effect: NoSchedule\}<\/code><\/div>/);
    // The toleration is written once in the visible text (the server's sentence is the tooltip).
    const visible = taintGroup.slice(0, taintGroup.indexOf('</details>')).replace(/title="[^"]*"/g, '');
    assert.equal(visible.split('{key: node-role.kubernetes.io/control-plane').length - 1, 1);
    // The first draft of the contract sent a plain string; it still renders.
    assert.match(html, /<span class="tag">near miss<\/span> label the node gpu=cuda/);
    assert.match(html, /strategy <b>RollingUpdate<\/b><\/span> · <span class="part">maxUnavailable 1<\/span> · <span class="part">maxSurge 0<\/span> · <span class="part">2 waves/);
  });

  it('escapes everything that comes from the manifest', () => {
    const evil: PlacementPreview = { daemonSets: [{ name: '<img src=x onerror=alert(1)>', nodes: [] }] };
    const out = renderPlacementBody(evil, { fileLabel: '"><script>' });
    assert.equal(out.includes('<img'), false);
    assert.equal(out.includes('<script'), false);
    assert.match(out, /&lt;img src=x/);
    const node = renderPlacementBody({ daemonSets: [{ name: 'a', nodes: fleet(1, () => ({ name: '"><b>x' })) }] }, { fileLabel: 'f' });
    assert.equal(node.includes('<b>x'), false);
    assert.match(node, /data-node="&quot;&gt;&lt;b&gt;x"/);
  });

  it('says what to do without nodes, without a DaemonSet and on errors', () => {
    assert.match(renderPlacementBody({ daemonSets: [{ name: 'a', nodes: [] }] }, { fileLabel: 'f' }), /Select Inventory/);
    assert.match(renderPlacementBody({ daemonSets: [] }, { fileLabel: 'f' }), /No DaemonSet here/);
    assert.match(renderPlacementBody(undefined, { fileLabel: 'f', error: 'boom' }), /class="error">boom/);
  });
});

describe('a 5,000-node inventory', () => {
  const nodes = fleet(5000, (i) => {
    if (i < 3) {
      return { runs: 'no', desired: false, reasons: [{ code: 'taint', message: CONTROL_PLANE_TAINT }], nearMiss: { ...CONTROL_PLANE_NEAR, message: CONTROL_PLANE_NEAR.message.replace('kind-control-plane', `node-${i}`) } };
    }
    if (i < 20) {
      return { runs: 'pending', fits: false, reasons: [{ code: 'resources', message: `needs cpu 500m, ${i * 10}m free (allocatable 2, ${2000 - i * 10}m requested by the pods already there)` }] };
    }
    return {};
  });
  const html = renderPlacementBody({ daemonSets: [{ name: 'agent', namespace: 'kube-system', nodes }] }, { fileLabel: 'agent.yaml' });

  it('shows three groups with counts, not 5,000 rows', () => {
    assert.deepEqual(groupHeads(html), [
      'runs 4,980 nodes',
      'pending resources cpu 17 nodes',
      'excluded taint node-role.kubernetes.io/control-plane:NoSchedule 3 nodes',
    ]);
    assert.match(html, /runs on 4,980 of 5,000 nodes, pending on 17/);
  });

  it('lists the first nodes of a big group, with "Show all", and starts it closed', () => {
    const runs = html.slice(html.indexOf('data-group="kube-system/agent|runs|"') - 40, html.indexOf('</details>'));
    assert.doesNotMatch(runs.slice(0, 200), / open>/);
    const listed = runs.match(/<li class="node" data-node="[^"]*">/g) ?? [];
    const capped = runs.match(/<li class="node" data-node="[^"]*" hidden>/g) ?? [];
    assert.equal(listed.length, NODES_SHOWN);
    assert.equal(listed.length + capped.length, 4980); // every node is there, for the filter
    assert.match(runs, /Showing <span class="shown">200<\/span> of <span class="of">4,980<\/span>\. <button type="button" class="show-all">Show all<\/button>/);
  });

  it('opens small groups and gives each node only what differs: its free cpu', () => {
    assert.ok(OPEN_UP_TO >= 17);
    const pending = html.slice(html.indexOf('class="group pending"'));
    assert.match(pending.slice(0, 300), / open>/);
    assert.doesNotMatch(pending.slice(0, pending.indexOf('<ul')), /class="why"/); // the sentences differ
    assert.match(pending, /data-node="ip-10-0-0-3\.eu-west-1\.compute\.internal"><span class="name" title="ip-10-0-0-3\.eu-west-1\.compute\.internal">ip-10-0-0-3\.eu-west-1\.compute\.internal<\/span><span class="detail" title="needs cpu 500m, 30m free[^"]*">needs cpu 500m, 30m free/);
  });

  it('shows one near miss for the three tainted nodes, though each sentence names its node', () => {
    const excluded = html.slice(html.indexOf('class="group excluded"'));
    assert.equal((excluded.match(/class="near"/g) ?? []).length, 1);
    assert.match(excluded, /<ul class="nodes names w40">/); // bare names: no per-node text
  });
});

describe('60-character node names', () => {
  const nodes = fleet(300, (i) => (i < 3 ? { runs: 'no', desired: false, reasons: [{ code: 'taint', message: CONTROL_PLANE_TAINT }] } : {}), true);

  it('sit in their own cell with the full name as tooltip, in columns wide enough for them', () => {
    assert.equal(nodes[0].name.length, 61);
    const html = renderPlacementBody({ daemonSets: [{ name: 'agent', nodes }] }, { fileLabel: 'f' });
    assert.match(html, new RegExp(`<span class="name" title="${nodes[0].name}">${nodes[0].name}</span></li>`));
    assert.match(html, /<ul class="nodes names w70">/);
  });
});

describe('groupNodes', () => {
  it('puts a node with several reasons in the group of its first, and lists the others on the node', () => {
    const both: NodePlacement = {
      name: 'n1', desired: false, fits: true, runs: 'no',
      reasons: [
        { code: 'nodeSelector', message: 'node has disktype=hdd; the nodeSelector wants disktype=ssd' },
        { code: 'taint', message: 'node has the taint dedicated=infra:NoSchedule and the pod template does not tolerate it' },
      ],
    };
    const groups = groupNodes([both]);
    assert.equal(groups.length, 1);
    assert.equal(groups[0].subject, 'nodeSelector disktype=ssd');
    const html = renderPlacementBody({ daemonSets: [{ name: 'a', nodes: [both] }] }, { fileLabel: 'f' });
    assert.match(html, /<span class="detail" title="taint: node has the taint dedicated=infra:NoSchedule[^"]*">taint: node has the taint/);
  });

  it('keeps near misses that differ on their nodes', () => {
    const nodes: NodePlacement[] = ['a', 'b'].map((name) => ({
      name, desired: false, fits: true, runs: 'no',
      reasons: [{ code: 'nodeSelector', message: `node has no label zone; the nodeSelector wants zone=${name}` }],
      nearMiss: { change: 'label', key: 'zone', value: name, message: `label ${name} with zone=${name} (kubectl label node ${name} zone=${name})` },
    }));
    nodes[1].reasons = nodes[0].reasons;
    const [group] = groupNodes(nodes);
    assert.equal(group.nearMiss, undefined);
    const html = renderPlacementBody({ daemonSets: [{ name: 'x', nodes }] }, { fileLabel: 'f' });
    assert.match(html, /data-node="b">.*<span class="near" title="label b with zone=b[^"]*"><span class="tag">near miss<\/span> label the node <code>zone=b<\/code>/);
  });
});

describe('reasonSubject', () => {
  const cases: [string, string, string][] = [
    ['taint', CONTROL_PLANE_TAINT, 'taint node-role.kubernetes.io/control-plane:NoSchedule'],
    ['taint', 'node has the taint nvidia.com/gpu=present:NoSchedule and the pod template does not tolerate it', 'taint nvidia.com/gpu=present:NoSchedule'],
    ['nodeSelector', 'node has kubernetes.io/os=windows; the nodeSelector wants kubernetes.io/os=linux', 'nodeSelector kubernetes.io/os=linux'],
    ['resources', 'needs memory 2Gi, 512Mi free (allocatable 4Gi, 3584Mi requested by the pods already there)', 'resources memory'],
    ['hostPort', 'host port 9100/TCP (0.0.0.0) is already in use on the node by pod monitoring/node-exporter-x', 'hostPort 9100/TCP'],
    ['nodeName', 'the template sets nodeName: kind-worker, so only node kind-worker is wanted', 'nodeName kind-worker'],
    ['nodeAffinity', 'required node affinity does not match: node has kubernetes.io/arch=amd64', 'required node affinity'],
    ['somethingNew', 'a reason this client does not know', 'somethingNew'],
  ];
  for (const [code, message, subject] of cases) {
    it(`${code}: ${subject}`, () => assert.equal(reasonSubject({ code, message }), subject));
  }
  it('prefers a short text from the server, without the node\'s figures', () => {
    assert.equal(reasonSubject({ code: 'resources', message: 'x', shortText: 'cpu 500m > 100m free' } as never), 'cpu 500m');
  });
});

describe('nearMissView and countNodes', () => {
  it('writes the change once', () => {
    assert.deepEqual(nearMissView({ change: 'removeLabel', key: 'spot', message: 'remove the label spot from n1 (kubectl label node n1 spot-)' }),
      { key: 'removeLabel:spot', action: 'remove the node label', subject: 'spot', title: 'remove the label spot from n1 (kubectl label node n1 spot-)' });
    assert.equal(nearMissView(undefined), undefined);
  });
  it('counts with thousands separators', () => {
    assert.equal(countNodes(1), '1 node');
    assert.equal(countNodes(4980), '4,980 nodes');
  });
});
