import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { describeNotFound, findJava, parseJavaMajor } from '../src/java';

// Real `java -version` outputs (they go to stderr).
const JAVA_17 = `openjdk version "17.0.15" 2025-04-15
OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)
OpenJDK 64-Bit Server VM (build 17.0.15+6-Debian-1deb12u1, mixed mode, sharing)`;
const JAVA_21 = `openjdk version "21.0.2" 2024-01-16 LTS
OpenJDK Runtime Environment Temurin-21.0.2+13 (build 21.0.2+13-LTS)
OpenJDK 64-Bit Server VM Temurin-21.0.2+13 (build 21.0.2+13-LTS, mixed mode, sharing)`;
const JAVA_8 = `java version "1.8.0_392"
Java(TM) SE Runtime Environment (build 1.8.0_392-b08)
Java HotSpot(TM) 64-Bit Server VM (build 25.392-b08, mixed mode)`;

describe('parseJavaMajor', () => {
  it('reads 17, 21 and the legacy 1.8 form', () => {
    assert.deepEqual(parseJavaMajor(JAVA_17), { major: 17, version: '17.0.15' });
    assert.deepEqual(parseJavaMajor(JAVA_21), { major: 21, version: '21.0.2' });
    assert.deepEqual(parseJavaMajor(JAVA_8), { major: 8, version: '1.8.0_392' });
  });
  it('reads bare majors, early-access builds and release files', () => {
    assert.equal(parseJavaMajor('openjdk version "22" 2024-03-19')?.major, 22);
    assert.equal(parseJavaMajor('openjdk version "23-ea" 2024-09-17')?.major, 23);
    assert.equal(parseJavaMajor('IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="17.0.9"\n')?.major, 17);
  });
  it('returns undefined for output without a version', () => {
    assert.equal(parseJavaMajor('bash: java: command not found'), undefined);
    assert.equal(parseJavaMajor(''), undefined);
  });
});

describe('findJava', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'dsls-java-test-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  /** A fake JDK folder whose bin/java prints `versionText` to stderr, like the real launcher. */
  function fakeJdk(name: string, versionText: string): string {
    const home = join(scratch, name);
    mkdirSync(join(home, 'bin'), { recursive: true });
    const java = join(home, 'bin', 'java');
    writeFileSync(java, `#!/bin/sh\ncat >&2 <<'VERSION'\n${versionText}\nVERSION\n`);
    chmodSync(java, 0o755);
    return home;
  }

  const jdk17 = fakeJdk('jdk17', JAVA_17);
  const jdk21 = fakeJdk('jdk21', JAVA_21);
  const jdk8 = fakeJdk('jdk8', JAVA_8);
  const noJava = join(scratch, 'empty');
  mkdirSync(noJava);
  const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ PATH: noJava, ...extra });

  it('prefers dsls.java.home over everything else', async () => {
    const r = await findJava({ dslsJavaHome: jdk21, jdtlsJavaHome: jdk17, env: env({ JAVA_HOME: jdk17 }) });
    assert.ok(r.ok);
    assert.equal(r.source, 'dsls.java.home');
    assert.equal(r.major, 21);
    assert.equal(r.executable, join(jdk21, 'bin', 'java'));
  });

  it('then java.jdt.ls.java.home, then JAVA_HOME', async () => {
    const a = await findJava({ jdtlsJavaHome: jdk21, env: env({ JAVA_HOME: jdk17 }) });
    assert.ok(a.ok);
    assert.equal(a.source, 'java.jdt.ls.java.home');
    const b = await findJava({ dslsJavaHome: '  ', env: env({ JAVA_HOME: jdk17 }) });
    assert.ok(b.ok);
    assert.equal(b.source, 'JAVA_HOME');
    assert.equal(b.version, '17.0.15');
  });

  it('then java on the PATH', async () => {
    const r = await findJava({ env: { PATH: [noJava, join(jdk17, 'bin')].join(':') }, platform: 'linux' });
    assert.ok(r.ok);
    assert.equal(r.source, 'PATH');
    assert.equal(r.executable, join(jdk17, 'bin', 'java'));
  });

  it('skips a too-old JAVA_HOME and falls back to the PATH', async () => {
    const r = await findJava({ env: { JAVA_HOME: jdk8, PATH: join(jdk21, 'bin') } });
    assert.ok(r.ok);
    assert.equal(r.source, 'PATH');
    assert.equal(r.major, 21);
  });

  it('does not silently ignore a broken dsls.java.home', async () => {
    const r = await findJava({ dslsJavaHome: jdk8, env: env({ JAVA_HOME: jdk17 }) });
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.explicitSettingBroken);
    assert.match(describeNotFound(r as never), /dsls\.java\.home: Java 1\.8\.0_392 is too old/);
    const missing = await findJava({ dslsJavaHome: noJava, env: env({}) });
    assert.ok(!missing.ok && missing.explicitSettingBroken);
    assert.match(describeNotFound(missing as never), /no executable .*empty\/bin\/java/);
  });

  it('explains every rejected candidate when none fits', async () => {
    const r = await findJava({ jdtlsJavaHome: noJava, env: { JAVA_HOME: jdk8, PATH: join(jdk8, 'bin') } });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.rejected.map((x) => x.source), ['java.jdt.ls.java.home', 'JAVA_HOME', 'PATH']);
    const text = describeNotFound(r);
    assert.match(text, /needs Java 17 or newer/);
    assert.match(text, /JAVA_HOME: Java 1\.8\.0_392 is too old/);
  });

  it('says plainly when there is no Java at all', async () => {
    const r = await findJava({ env: { PATH: noJava } });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.rejected.length, 0);
    assert.match(describeNotFound(r), /found none/);
  });

  it('rejects a launcher that prints no version', async () => {
    const weird = fakeJdk('weird', 'Error: could not open `lib/jvm.cfg`');
    const r = await findJava({ env: { JAVA_HOME: weird, PATH: noJava } });
    assert.ok(!r.ok);
    assert.match(r.rejected[0].reason, /failed|no version/);
  });
});
