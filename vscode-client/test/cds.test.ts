import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cdsArchivePath, createCdsArchive } from '../src/cds';

describe('cdsArchivePath', () => {
  it('differs per extension version, Java and jar, and stays in the storage folder', () => {
    const a = cdsArchivePath('/s', '0.1.0', '/usr/bin/java', '17.0.15', '/ext/server/dsls.jar');
    assert.match(a, /^\/s\/cds\/dsls-0\.1\.0-java17\.0\.15-[0-9a-f]{12}\.jsa$/);
    assert.equal(a, cdsArchivePath('/s', '0.1.0', '/usr/bin/java', '17.0.15', '/ext/server/dsls.jar'));
    assert.notEqual(a, cdsArchivePath('/s', '0.1.0', '/opt/jdk21/bin/java', '21.0.2', '/ext/server/dsls.jar'));
    assert.notEqual(a, cdsArchivePath('/s', '0.1.0', '/usr/bin/java', '17.0.15', '/other/server/dsls.jar'));
  });
});

describe('createCdsArchive', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'dsls-cds-test-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const session = join(scratch, 'session.lsp');
  writeFileSync(session, 'Content-Length: 33\r\n\r\n{"jsonrpc":"2.0","method":"exit"}');

  /** A fake java that records its stdin into the -XX:ArchiveClassesAtExit file and exits with `code`. */
  function fakeJava(name: string, code: number): string {
    const file = join(scratch, name);
    writeFileSync(file, `#!/bin/sh
for a in "$@"; do case "$a" in -XX:ArchiveClassesAtExit=*) out="\${a#-XX:ArchiveClassesAtExit=}";; esac; done
cat > "$out"
exit ${code}
`);
    chmodSync(file, 0o755);
    return file;
  }

  it('replays the session and moves the archive into place, removing other versions', async () => {
    const archive = cdsArchivePath(join(scratch, 'ok'), '0.2.0', '/j', '17', '/jar');
    mkdirSync(dirname(archive), { recursive: true });
    writeFileSync(join(dirname(archive), 'dsls-0.1.0-java17-old.jsa'), 'old');
    const r = await createCdsArchive({
      javaExecutable: fakeJava('java-ok', 0), jvmFlags: ['-Xlog:disable'], jar: '/jar',
      trainingSession: session, archive, extensionVersion: '0.2.0',
    });
    assert.equal(r.created, true, r.detail);
    assert.match(readFileSync(archive, 'utf8'), /"method":"exit"/);
    assert.deepEqual(readdirSync(dirname(archive)), [archive.split('/').pop()]);
  });

  it('leaves nothing behind when the JVM fails', async () => {
    const archive = cdsArchivePath(join(scratch, 'fail'), '0.2.0', '/j', '17', '/jar');
    const r = await createCdsArchive({
      javaExecutable: fakeJava('java-fail', 1), jvmFlags: [], jar: '/jar',
      trainingSession: session, archive, extensionVersion: '0.2.0',
    });
    assert.equal(r.created, false);
    assert.match(r.detail, /exited with 1/);
    assert.deepEqual(readdirSync(dirname(archive)), []);
  });

  it('gives up without a training session', async () => {
    const archive = cdsArchivePath(join(scratch, 'none'), '0.2.0', '/j', '17', '/jar');
    const r = await createCdsArchive({
      javaExecutable: fakeJava('java-unused', 0), jvmFlags: [], jar: '/jar',
      trainingSession: join(scratch, 'missing.lsp'), archive, extensionVersion: '0.2.0',
    });
    assert.equal(r.created, false);
    assert.equal(existsSync(archive), false);
  });
});
