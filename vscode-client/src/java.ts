// Finds a Java 17+ runtime for the language server.
//
// This module deliberately does not import `vscode`: the extension passes in the settings and the
// environment, so the whole search runs (and is unit-tested) under plain Node.

import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const MIN_JAVA_MAJOR = 17;

/** Where a candidate came from, in the order they are tried. */
export type JavaSource = 'dsls.java.home' | 'java.jdt.ls.java.home' | 'JAVA_HOME' | 'PATH';

export interface JavaSearchInput {
  /** Value of the `dsls.java.home` setting, if set. */
  dslsJavaHome?: string | null;
  /** Value of the Java extension's `java.jdt.ls.java.home` setting, if set. */
  jdtlsJavaHome?: string | null;
  /** Process environment (JAVA_HOME, PATH, PATHEXT). */
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

export interface JavaFound {
  ok: true;
  /** Absolute path of the `java` executable. */
  executable: string;
  major: number;
  /** The version string as reported, e.g. "17.0.15". */
  version: string;
  source: JavaSource;
}

export interface JavaRejected {
  source: JavaSource;
  /** The folder or executable that was looked at. */
  location: string;
  /** Why it cannot be used, in words for the notification. */
  reason: string;
}

export interface JavaNotFound {
  ok: false;
  /** Every candidate that was looked at and why it was not used; empty when there were none. */
  rejected: JavaRejected[];
  /**
   * True when the user's own `dsls.java.home` is unusable. We then stop instead of falling back to
   * another Java: silently ignoring an explicit setting hides the mistake.
   */
  explicitSettingBroken: boolean;
}

export type JavaSearchResult = JavaFound | JavaNotFound;

/**
 * Parses the major version out of `java -version` output (which goes to stderr) or out of the
 * JAVA_VERSION line of a JDK's `release` file. Handles both the legacy "1.8.0_392" and the modern
 * "17.0.15" / "21" / "22-ea" forms.
 */
export function parseJavaMajor(text: string): { major: number; version: string } | undefined {
  // `openjdk version "17.0.15" 2025-04-15`, `java version "1.8.0_392"`, `JAVA_VERSION="21.0.2"`.
  const m = /(?:version|JAVA_VERSION=)\s*"([^"]+)"/.exec(text);
  if (!m) {
    return undefined;
  }
  const version = m[1];
  const parts = /^(\d+)(?:\.(\d+))?/.exec(version);
  if (!parts) {
    return undefined;
  }
  let major = Number(parts[1]);
  // Before Java 9 the major version was the second number: 1.8 is Java 8.
  if (major === 1 && parts[2] !== undefined) {
    major = Number(parts[2]);
  }
  return { major, version };
}

function javaExecutableIn(home: string, platform: NodeJS.Platform): string {
  return path.join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java');
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) {
      return false;
    }
    await fs.access(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs `java -version` and returns what it printed (stderr, or stdout for odd launchers). */
export function runJavaVersion(executable: string, timeoutMs = 10000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(executable, ['-version'], { timeout: timeoutMs, windowsHide: true }, (err, stdout, stderr) => {
      const out = `${stderr}\n${stdout}`;
      if (err && !/version/.test(out)) {
        reject(err);
      } else {
        resolve(out);
      }
    });
  });
}

/** Searches the PATH like a shell would, returning the first `java` found. */
async function javaOnPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<string | undefined> {
  const sep = platform === 'win32' ? ';' : ':';
  const names = platform === 'win32' ? ['java.exe'] : ['java'];
  for (const dir of (env.PATH ?? env.Path ?? '').split(sep)) {
    if (!dir) {
      continue;
    }
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (await isExecutableFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/**
 * Checks one `java` executable: exists, runs, is 17 or newer. `java -version` is the authority
 * (a `release` file can be missing or lie in repackaged JREs), so the file is only a fallback for
 * when the launcher cannot be run at all.
 */
async function checkExecutable(executable: string, source: JavaSource, location: string):
  Promise<JavaFound | JavaRejected> {
  if (!(await isExecutableFile(executable))) {
    return { source, location, reason: `no executable ${executable}` };
  }
  let parsed: { major: number; version: string } | undefined;
  try {
    parsed = parseJavaMajor(await runJavaVersion(executable));
  } catch (e) {
    return { source, location, reason: `${executable} -version failed: ${(e as Error).message}` };
  }
  if (!parsed) {
    return { source, location, reason: `${executable} -version printed no version` };
  }
  if (parsed.major < MIN_JAVA_MAJOR) {
    return {
      source,
      location,
      reason: `Java ${parsed.version} is too old (DSLS needs Java ${MIN_JAVA_MAJOR} or newer)`,
    };
  }
  return { ok: true, executable, major: parsed.major, version: parsed.version, source };
}

function nonEmpty(s: string | null | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

/**
 * Tries, in order: the `dsls.java.home` setting, the Java extension's `java.jdt.ls.java.home`,
 * JAVA_HOME, then `java` on the PATH. Returns the first Java 17+ or every reason for rejection.
 */
export async function findJava(input: JavaSearchInput): Promise<JavaSearchResult> {
  const platform = input.platform ?? process.platform;
  const rejected: JavaRejected[] = [];

  const homes: Array<[JavaSource, string | undefined]> = [
    ['dsls.java.home', nonEmpty(input.dslsJavaHome)],
    ['java.jdt.ls.java.home', nonEmpty(input.jdtlsJavaHome)],
    ['JAVA_HOME', nonEmpty(input.env.JAVA_HOME)],
  ];
  for (const [source, home] of homes) {
    if (!home) {
      continue;
    }
    const result = await checkExecutable(javaExecutableIn(home, platform), source, home);
    if ('ok' in result) {
      return result;
    }
    rejected.push(result);
    if (source === 'dsls.java.home') {
      return { ok: false, rejected, explicitSettingBroken: true };
    }
  }

  const onPath = await javaOnPath(input.env, platform);
  if (onPath) {
    const result = await checkExecutable(onPath, 'PATH', onPath);
    if ('ok' in result) {
      return result;
    }
    rejected.push(result);
  }
  return { ok: false, rejected, explicitSettingBroken: false };
}

/** One paragraph for the "Java not found" notification. */
export function describeNotFound(result: JavaNotFound): string {
  if (result.explicitSettingBroken) {
    return `DSLS cannot use the Java set in dsls.java.home: ${result.rejected[0].reason}.`;
  }
  if (result.rejected.length === 0) {
    return `DSLS needs Java ${MIN_JAVA_MAJOR} or newer to run its language server, and found none ` +
      '(no dsls.java.home, java.jdt.ls.java.home or JAVA_HOME, and no java on the PATH).';
  }
  const why = result.rejected.map((r) => `${r.source}: ${r.reason}`).join('; ');
  return `DSLS needs Java ${MIN_JAVA_MAJOR} or newer to run its language server. Tried ${why}.`;
}
