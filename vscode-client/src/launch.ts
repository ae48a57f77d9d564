// How the bundled server jar is started. Pure (no `vscode` import) for unit tests.

import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * JVM flags for the long-lived server, kept in this one place. They favour start-up time and a
 * small footprint over peak throughput: a language server spends its life idle or parsing small
 * documents, so C1-only compilation and the serial collector are the right trade; -Xss2m leaves
 * room for the recursive walks over deeply nested YAML (the server allows 100 levels).
 *
 * `-Xlog:disable -Xlog:all=warning:stderr` comes first for a reason: HotSpot prints unified-logging
 * warnings to STDOUT by default, and stdout is the LSP channel. On Java 17, for example,
 * `-XX:+UseStringDeduplication` with the serial collector prints
 * "[warning][stringdedup] String Deduplication disabled: not supported by selected GC" there,
 * which corrupts the first message (that flag is left out for the same reason: it does nothing
 * with the serial collector before Java 18). Routing all JVM logging to stderr keeps the channel
 * clean whatever flags this list ends up with.
 */
export const SERVER_JVM_FLAGS: readonly string[] = [
  '-Xlog:disable',
  '-Xlog:all=warning:stderr',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-Xss2m',
];

export interface ServerLaunch {
  command: string;
  args: string[];
}

/** Where the packaging script puts the server inside the extension. */
export function serverJar(extensionPath: string): string {
  return path.join(extensionPath, 'server', 'dsls.jar');
}

export function serverCdsArchive(extensionPath: string): string {
  return path.join(extensionPath, 'server', 'dsls.jsa');
}

/** The scripted LSP session the server's build trains its CDS archive with; bundled for cds.ts. */
export function serverTrainingSession(extensionPath: string): string {
  return path.join(extensionPath, 'server', 'cds-training-session.lsp');
}

/**
 * The command line: fast flags, a class-data-sharing archive when there is one (it cuts start-up;
 * `-Xshare:auto` makes the JVM ignore an archive that does not match it), then the jar. The
 * archive made on this machine (see cds.ts) comes first; an archive inside the extension is used
 * only if a build ever ships one that is valid at the installed path.
 */
export function serverLaunch(
  javaExecutable: string,
  extensionPath: string,
  localCdsArchive?: string,
  exists: (file: string) => boolean = fs.existsSync,
): ServerLaunch {
  const args = [...SERVER_JVM_FLAGS];
  const jsa = [localCdsArchive, serverCdsArchive(extensionPath)].find((f) => f !== undefined && exists(f));
  if (jsa) {
    args.push(`-XX:SharedArchiveFile=${jsa}`, '-Xshare:auto');
  }
  args.push('-jar', serverJar(extensionPath), 'lsp');
  return { command: javaExecutable, args };
}
