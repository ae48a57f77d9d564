import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { FALLBACK_JVM_FLAGS, parseJvmOptions, serverJvmFlags, serverLaunch } from '../src/launch';

// The one list of JVM flags, as the build ships it (this file runs from vscode-client/out/test/).
const distOptions = resolve(__dirname, '..', '..', '..', 'server', 'src', 'dist', 'jvm.options');

describe('serverLaunch', () => {
  const ext = '/ext/dsls-0.1.0';
  const options = join(ext, 'server', 'jvm.options');
  const bundled = '# why\n-Xlog:disable\n-Xlog:all=warning:stderr\n\n  -XX:+UseSerialGC  \r\n';
  const read = (f: string) => {
    assert.equal(f, options);
    return bundled;
  };
  const flags = ['-Xlog:disable', '-Xlog:all=warning:stderr', '-XX:+UseSerialGC'];

  it('runs the bundled jar with the flags of the bundled jvm.options and the lsp subcommand', () => {
    const l = serverLaunch('/usr/bin/java', ext, undefined, (f) => f === options, read);
    assert.equal(l.command, '/usr/bin/java');
    assert.deepEqual(l.args, [...flags, '-jar', join(ext, 'server', 'dsls.jar'), 'lsp']);
  });

  it('falls back to the built-in flags when the .vsix has no jvm.options', () => {
    const l = serverLaunch('/usr/bin/java', ext, undefined, () => false);
    assert.deepEqual(l.args, [...FALLBACK_JVM_FLAGS, '-jar', join(ext, 'server', 'dsls.jar'), 'lsp']);
  });

  it('adds the CDS archive only when it was packaged', () => {
    const jsa = join(ext, 'server', 'dsls.jsa');
    const l = serverLaunch('/usr/bin/java', ext, undefined, (f) => f === jsa || f === options, read);
    assert.deepEqual(l.args.slice(flags.length, flags.length + 2), [`-XX:SharedArchiveFile=${jsa}`, '-Xshare:auto']);
    assert.equal(l.args.at(-1), 'lsp');
  });

  it('prefers the archive made on this machine, and skips one that is not there yet', () => {
    const local = '/storage/cds/dsls-0.1.0-java17.0.15-abc.jsa';
    const both = serverLaunch('/usr/bin/java', ext, local, () => true, read);
    assert.ok(both.args.includes(`-XX:SharedArchiveFile=${local}`));
    const none = serverLaunch('/usr/bin/java', ext, local, (f) => f === options, read);
    assert.equal(none.args.some((a) => a.startsWith('-XX:SharedArchiveFile')), false);
  });
});

describe('jvm.options', () => {
  it('skips comments and blank lines and trims each flag', () => {
    assert.deepEqual(parseJvmOptions('# a comment\n\n -Xss2m \r\n#-Xmx1g\n-Xms8m'), ['-Xss2m', '-Xms8m']);
  });

  it('is read from next to the bundled jar', () => {
    assert.deepEqual(serverJvmFlags('/ext', (f) => f === join('/ext', 'server', 'jvm.options'), () => '-Xss2m\n'),
      ['-Xss2m']);
  });

  it('sends JVM log output to stderr, never into the LSP stdout channel, before any other flag', () => {
    const shipped = parseJvmOptions(readFileSync(distOptions, 'utf8'));
    assert.deepEqual(shipped.slice(0, 2), ['-Xlog:disable', '-Xlog:all=warning:stderr']);
  });

  it('has a fallback equal to the file the build ships', () => {
    assert.deepEqual([...FALLBACK_JVM_FLAGS], parseJvmOptions(readFileSync(distOptions, 'utf8')));
  });
});
