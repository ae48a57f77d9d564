import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SERVER_JVM_FLAGS, serverLaunch } from '../src/launch';

describe('serverLaunch', () => {
  const ext = '/ext/dsls-0.1.0';

  it('runs the bundled jar with the fast flags and the lsp subcommand', () => {
    const l = serverLaunch('/usr/bin/java', ext, undefined, () => false);
    assert.equal(l.command, '/usr/bin/java');
    assert.deepEqual(l.args, [...SERVER_JVM_FLAGS, '-jar', join(ext, 'server', 'dsls.jar'), 'lsp']);
  });

  it('adds the CDS archive only when it was packaged', () => {
    const jsa = join(ext, 'server', 'dsls.jsa');
    const l = serverLaunch('/usr/bin/java', ext, undefined, (f) => f === jsa);
    assert.deepEqual(l.args.slice(SERVER_JVM_FLAGS.length, SERVER_JVM_FLAGS.length + 2),
      [`-XX:SharedArchiveFile=${jsa}`, '-Xshare:auto']);
    assert.equal(l.args.at(-1), 'lsp');
  });

  it('prefers the archive made on this machine, and skips one that is not there yet', () => {
    const local = '/storage/cds/dsls-0.1.0-java17.0.15-abc.jsa';
    const both = serverLaunch('/usr/bin/java', ext, local, () => true);
    assert.ok(both.args.includes(`-XX:SharedArchiveFile=${local}`));
    const none = serverLaunch('/usr/bin/java', ext, local, () => false);
    assert.equal(none.args.some((a) => a.startsWith('-XX:SharedArchiveFile')), false);
  });

  it('sends JVM log output to stderr, never into the LSP stdout channel', () => {
    assert.equal(SERVER_JVM_FLAGS[0], '-Xlog:disable');
    assert.equal(SERVER_JVM_FLAGS[1], '-Xlog:all=warning:stderr');
  });
});
