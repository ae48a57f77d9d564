import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readServerSettings, settingsPayload } from '../src/settings';

function reader(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

describe('settings → initializationOptions', () => {
  it('maps the dsls section to the contract shape', () => {
    const settings = readServerSettings(reader({
      inventory: ['.dsls/inventory.yaml', 'clusters/*.yaml'],
      'checks.disabled': ['latest-tag'],
      'trace.server': 'verbose',
      kubernetesVersion: ' 1.31 ',
      'placement.alone': true,
      'java.home': '/opt/jdk',
    }));
    assert.deepEqual(settingsPayload(settings), {
      settings: {
        dsls: {
          inventory: ['.dsls/inventory.yaml', 'clusters/*.yaml'],
          checks: { disabled: ['latest-tag'] },
          trace: { server: 'verbose' },
          kubernetesVersion: '1.31',
          placement: { alone: true },
        },
      },
    });
  });

  it('keeps dsls.java.home on the client', () => {
    const payload = settingsPayload(readServerSettings(reader({ 'java.home': '/opt/jdk' })));
    assert.equal(JSON.stringify(payload).includes('/opt/jdk'), false);
  });

  it('uses the documented defaults for unset settings', () => {
    assert.deepEqual(readServerSettings(reader({})), {
      inventory: [],
      checks: { disabled: [] },
      trace: { server: 'off' },
      kubernetesVersion: '',
      placement: { alone: false },
    });
  });

  it('tolerates hand-edited values', () => {
    const s = readServerSettings(reader({
      inventory: ' nodes.yaml ',
      'checks.disabled': ['latest-tag', 42, '', null],
      'trace.server': 'loud',
    }));
    assert.deepEqual(s.inventory, ['nodes.yaml']);
    assert.deepEqual(s.checks.disabled, ['latest-tag']);
    assert.equal(s.trace.server, 'off');
  });
});
