import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PlacementPreview } from '../src/protocol';
import { renderPlacementBody } from '../src/render';

const demo: PlacementPreview = {
  daemonSets: [{
    name: 'demo',
    namespace: 'default',
    status: { desiredNumberScheduled: 2, numberMisscheduled: 0 },
    rollout: { strategy: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0, waves: 2 },
    nodes: [
      {
        name: 'kind-control-plane', desired: false, fits: true, runs: 'no',
        reasons: [{ code: 'taint', message: 'untolerated taint node-role.kubernetes.io/control-plane:NoSchedule' }],
        nearMiss: {
          change: 'toleration',
          message: 'add the toleration {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule} to spec.template.spec.tolerations',
          toleration: { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
        },
      },
      {
        name: 'kind-worker', desired: true, fits: true, runs: 'yes', reasons: [],
      },
      {
        name: 'gpu-node', desired: false, fits: true, runs: 'no',
        reasons: [{ code: 'nodeSelector', message: 'node lacks the label gpu=cuda' }],
        nearMiss: 'label the node gpu=cuda',
      },
      { name: 'kind-worker2', desired: true, fits: false, runs: 'pending', reasons: [{ code: 'resources', message: 'cpu: requests 10 > 8 allocatable' }] },
    ],
  }],
};

describe('renderPlacementBody', () => {
  const html = renderPlacementBody(demo, { fileLabel: 'ds.demo.yaml' });

  it('has one row per node with runs / pending / excluded', () => {
    assert.match(html, /runs on 1 of 4 nodes, pending on 1/);
    assert.match(html, /data-node="kind-control-plane".*pill excluded/);
    assert.match(html, /data-node="kind-worker".*pill runs/);
    assert.match(html, /data-node="kind-worker2".*pill pending/);
  });

  it('shows the reason, its code and the near miss', () => {
    assert.match(html, />taint<\/span> untolerated taint node-role\.kubernetes\.io\/control-plane:NoSchedule/);
    assert.match(html, /<td class="near"><div>add the toleration \{key: node-role/);
    assert.match(html, /<span class="code">toleration<\/span> <code>\{key: node-role\.kubernetes\.io\/control-plane, operator: Exists, effect: NoSchedule\}<\/code>/);
    // The first draft of the contract sent a plain string; it still renders.
    assert.match(html, /<td class="near">label the node gpu=cuda<\/td>/);
    assert.match(html, /strategy <b>RollingUpdate<\/b> · maxUnavailable 1 · maxSurge 0 · 2 waves/);
  });

  it('escapes everything that comes from the manifest', () => {
    const evil: PlacementPreview = { daemonSets: [{ name: '<img src=x onerror=alert(1)>', nodes: [] }] };
    const out = renderPlacementBody(evil, { fileLabel: '"><script>' });
    assert.equal(out.includes('<img'), false);
    assert.equal(out.includes('<script'), false);
    assert.match(out, /&lt;img src=x/);
  });

  it('says what to do without nodes, without a DaemonSet and on errors', () => {
    assert.match(renderPlacementBody({ daemonSets: [{ name: 'a', nodes: [] }] }, { fileLabel: 'f' }), /Select Inventory/);
    assert.match(renderPlacementBody({ daemonSets: [] }, { fileLabel: 'f' }), /No DaemonSet here/);
    assert.match(renderPlacementBody(undefined, { fileLabel: 'f', error: 'boom' }), /class="error">boom/);
  });
});
