// How the bundled server jar is started. Pure (no `vscode` import) for unit tests.

import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The JVM flags live in one file, server/src/dist/jvm.options (which says why each is there): the
 * build copies it next to the jar, the packaging script bundles it as server/jvm.options, and
 * bin/dsls and the Neovim files read it too. These are only for a .vsix packaged without it; a unit
 * test keeps them equal to the file.
 */
export const FALLBACK_JVM_FLAGS: readonly string[] = [
  '-Xlog:disable',
  '-Xlog:all=warning:stderr',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-Xms8m',
  '-Xss2m',
];

/** jvm.options: one flag per line; blank lines and lines starting with `#` are skipped. */
export function parseJvmOptions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Where the packaging script puts the server's JVM flags inside the extension. */
export function serverJvmOptions(extensionPath: string): string {
  return path.join(extensionPath, 'server', 'jvm.options');
}

/** The flags of the bundled jvm.options, or FALLBACK_JVM_FLAGS when the .vsix has none. */
export function serverJvmFlags(
  extensionPath: string,
  exists: (file: string) => boolean = fs.existsSync,
  read: (file: string) => string = (file) => fs.readFileSync(file, 'utf8'),
): readonly string[] {
  const file = serverJvmOptions(extensionPath);
  return exists(file) ? parseJvmOptions(read(file)) : FALLBACK_JVM_FLAGS;
}

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
 * The command line: the bundled JVM flags, a class-data-sharing archive when there is one (it cuts
 * start-up; `-Xshare:auto` makes the JVM ignore an archive that does not match it), then the jar. The
 * archive made on this machine (see cds.ts) comes first; an archive inside the extension is used
 * only if a build ever ships one that is valid at the installed path.
 */
export function serverLaunch(
  javaExecutable: string,
  extensionPath: string,
  localCdsArchive?: string,
  exists: (file: string) => boolean = fs.existsSync,
  read?: (file: string) => string,
): ServerLaunch {
  const args = [...serverJvmFlags(extensionPath, exists, read)];
  const jsa = [localCdsArchive, serverCdsArchive(extensionPath)].find((f) => f !== undefined && exists(f));
  if (jsa) {
    args.push(`-XX:SharedArchiveFile=${jsa}`, '-Xshare:auto');
  }
  args.push('-jar', serverJar(extensionPath), 'lsp');
  return { command: javaExecutable, args };
}
