// A class-data-sharing (CDS) archive made on the user's machine, for a faster server start.
//
// The build's own archive (server/target/dsls.jsa) cannot be shipped: a dynamic CDS archive is only
// accepted by the JVM build that wrote it, and only when the jar is at the exact path it had then.
// So, once per extension version and Java, the extension replays the server's bundled training
// session (a scripted LSP conversation) with -XX:ArchiveClassesAtExit, in the background; later
// starts map the archive and load the server's classes without parsing and verifying them again.
//
// Pure Node (no `vscode` import) so it is unit-tested with a fake `java`.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs, createReadStream } from 'node:fs';
import * as path from 'node:path';

/** Where the archive for this extension version, Java and jar lives inside the extension's storage. */
export function cdsArchivePath(
  storageDir: string,
  extensionVersion: string,
  javaExecutable: string,
  javaVersion: string,
  jar: string,
): string {
  const key = createHash('sha256').update(`${javaExecutable}\0${javaVersion}\0${jar}`).digest('hex').slice(0, 12);
  const safeVersion = javaVersion.replace(/[^\w.-]/g, '_');
  return path.join(storageDir, 'cds', `dsls-${extensionVersion}-java${safeVersion}-${key}.jsa`);
}

export interface CdsTraining {
  javaExecutable: string;
  /** The same flags the server runs with: an archive is only used under compatible flags. */
  jvmFlags: readonly string[];
  jar: string;
  /** The LSP conversation to replay (ends with shutdown and exit). */
  trainingSession: string;
  archive: string;
  /** Archives of other extension versions in the same folder are removed after success. */
  extensionVersion: string;
  timeoutMs?: number;
}

/**
 * Runs the training session and, when the JVM exits cleanly having written the archive, moves it
 * into place atomically (a half-written archive must never be picked up). Resolves to a short
 * description of what happened; never rejects, since a missing archive only costs start-up time.
 */
export async function createCdsArchive(t: CdsTraining): Promise<{ created: boolean; detail: string }> {
  const dir = path.dirname(t.archive);
  const tmp = `${t.archive}.${process.pid}.tmp`;
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(t.trainingSession);
  } catch (e) {
    return { created: false, detail: `no training session: ${(e as Error).message}` };
  }
  const exitCode = await new Promise<number | string>((resolve) => {
    const child = spawn(t.javaExecutable, [...t.jvmFlags, `-XX:ArchiveClassesAtExit=${tmp}`, '-jar', t.jar, 'lsp'], {
      // The dump prints a warning per class it skips; none of it is worth keeping.
      stdio: ['pipe', 'ignore', 'ignore'],
      windowsHide: true,
    });
    const timer = setTimeout(() => {
      child.kill();
      resolve('timed out');
    }, t.timeoutMs ?? 60000);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve(e.message);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? `signal ${signal}`);
    });
    child.stdin.on('error', () => undefined); // the JVM may exit before reading everything
    createReadStream(t.trainingSession).pipe(child.stdin);
  });
  try {
    const size = (await fs.stat(tmp)).size;
    if (exitCode !== 0 || size === 0) {
      throw new Error(`training exited with ${exitCode}`);
    }
    await fs.rename(tmp, t.archive);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    return { created: false, detail: (e as Error).message };
  }
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith('dsls-') && !name.startsWith(`dsls-${t.extensionVersion}-`)) {
      await fs.rm(path.join(dir, name), { force: true });
    }
  }
  return { created: true, detail: t.archive };
}
