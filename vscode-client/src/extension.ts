// DSLS for VS Code: finds Java, starts the bundled language server over stdio and adds the
// placement preview panel, the fleet panel, the status bar item and the commands around them.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { describeNotFound, findJava, JavaNotFound } from './java';
import { cdsArchivePath, createCdsArchive } from './cds';
import { serverJar, serverJvmFlags, serverLaunch, serverTrainingSession } from './launch';
import { FleetPanel } from './fleetPanel';
import { PlacementPanel } from './panel';
import { CLIENT_SHOW_FLEET, CLIENT_SHOW_PLACEMENT, LspPosition, SERVER_SHOW_PLACEMENT } from './protocol';
import { readServerSettings, settingsPayload } from './settings';
import { DslsStatusBar } from './statusBar';

const INSTALL_JAVA_URL = 'https://adoptium.net/';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let traceOutput: vscode.LogOutputChannel;
let statusBar: DslsStatusBar;
let extensionContext: vscode.ExtensionContext;
/** Serialises start/stop so a restart clicked during start-up does not launch two servers. */
let lifecycle: Promise<void> = Promise.resolve();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  output = vscode.window.createOutputChannel('DSLS', { log: true });
  traceOutput = vscode.window.createOutputChannel('DSLS Trace', { log: true });
  statusBar = new DslsStatusBar(() => client);
  context.subscriptions.push(output, traceOutput, statusBar);

  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_SHOW_PLACEMENT, showPlacement),
    vscode.commands.registerCommand(CLIENT_SHOW_FLEET, showFleet),
    vscode.commands.registerCommand('dsls.restartServer', () => enqueue(async () => {
      await stopServer();
      await startServer();
    })),
    vscode.commands.registerCommand('dsls.selectInventory', selectInventory),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
  );

  await enqueue(startServer);
}

export async function deactivate(): Promise<void> {
  await stopServer();
}

function enqueue(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step);
  return lifecycle;
}

function dslsConfig(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('dsls');
}

function currentSettingsPayload() {
  const config = dslsConfig();
  return settingsPayload(readServerSettings((key) => config.get(key)));
}

async function startServer(): Promise<void> {
  statusBar.setPhase('starting');
  const jar = serverJar(extensionContext.extensionPath);
  if (!fs.existsSync(jar)) {
    // Only a broken build gets here (the .vsix always bundles the jar); say so rather than fail silently.
    statusBar.setPhase('stopped');
    void vscode.window.showErrorMessage(`DSLS: the language server ${jar} is missing from the extension. Reinstall the .vsix.`);
    return;
  }

  const java = await findJava({
    dslsJavaHome: dslsConfig().get<string | null>('java.home'),
    jdtlsJavaHome: vscode.workspace.getConfiguration('java').get<string | null>('jdt.ls.java.home'),
    env: process.env,
  });
  if (!java.ok) {
    statusBar.setPhase('noJava');
    PlacementPanel.refreshIfOpen();
    FleetPanel.refreshIfOpen();
    reportJavaMissing(java);
    return;
  }
  output.appendLine(`Using Java ${java.version} (${java.executable}) from ${java.source}`);

  const extensionVersion = String(extensionContext.extension.packageJSON.version);
  const cdsArchive = cdsArchivePath(extensionContext.globalStorageUri.fsPath, extensionVersion,
    java.executable, java.version, jar);
  const launch = serverLaunch(java.executable, extensionContext.extensionPath, cdsArchive);
  output.appendLine(`Starting ${launch.command} ${launch.args.join(' ')}`);
  // No `transport`: with TransportKind.stdio the client would append `--stdio` to the command line,
  // which is not part of the server's `lsp` subcommand. Without it the client still talks over the
  // process's stdin/stdout.
  const executable = { command: launch.command, args: launch.args };
  const serverOptions: ServerOptions = { run: executable, debug: executable };

  const clientOptions: LanguageClientOptions = {
    // The server decides which YAML documents are DaemonSets; it leaves the others alone.
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
    ],
    // Settings at start-up, then `workspace/didChangeConfiguration` on every change of the `dsls`
    // section, so inventory and disabled checks apply without a restart.
    initializationOptions: currentSettingsPayload,
    synchronize: { configurationSection: 'dsls' },
    outputChannel: output,
    traceOutputChannel: traceOutput,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      // The server's lenses carry its own `dsls.showPlacement` command (which would only return
      // JSON); point them at the client command that opens the placement panel instead.
      // New lenses also mean a new analysis (after an edit, or the server's
      // `workspace/codeLens/refresh` when the inventory changed): the fleet may differ too.
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        lenses?.forEach(retargetLens);
        FleetPanel.refreshIfOpen(300);
        return lenses;
      },
      // The server re-publishes diagnostics whenever it re-analyses a document, also after it
      // (re)loads the inventory; placement may have changed then, so refresh what shows it.
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, diagnostics);
        scheduleAnalysisRefresh();
      },
      resolveCodeLens: async (lens, token, next) => {
        const resolved = await next(lens, token);
        if (resolved) {
          retargetLens(resolved);
        }
        return resolved;
      },
    },
  };

  const newClient = new LanguageClient('dsls', 'DSLS', serverOptions, clientOptions);
  newClient.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      statusBar.setPhase('running');
      reportJavaFixed(java.version, java.source);
      PlacementPanel.refreshIfOpen();
      FleetPanel.refreshIfOpen();
      if (!fs.existsSync(cdsArchive)) {
        trainCdsArchive(java.executable, jar, cdsArchive, extensionVersion);
      }
    } else if (e.newState === State.Stopped) {
      statusBar.setPhase('stopped');
      PlacementPanel.refreshIfOpen();
      FleetPanel.refreshIfOpen();
    }
  });
  client = newClient;
  try {
    await newClient.start();
  } catch (e) {
    statusBar.setPhase('stopped');
    output.appendLine(`The language server did not start: ${(e as Error).message}`);
    // The reason is the server's stderr, already in the output channel; the exception itself only
    // says that the connection closed.
    const choice = await vscode.window.showErrorMessage(
      'DSLS: the language server did not start. The DSLS output shows why.', 'Show Output');
    if (choice === 'Show Output') {
      output.show();
    }
  }
}

let cdsTraining = false;

/**
 * Makes this machine's class-data-sharing archive for the next server start (see cds.ts). Waits a
 * little first so the one-off training JVM does not compete with the server's first analyses.
 */
function trainCdsArchive(javaExecutable: string, jar: string, archive: string, extensionVersion: string): void {
  if (cdsTraining) {
    return;
  }
  cdsTraining = true;
  setTimeout(async () => {
    const result = await createCdsArchive({
      javaExecutable,
      jvmFlags: serverJvmFlags(extensionContext.extensionPath),
      jar,
      trainingSession: serverTrainingSession(extensionContext.extensionPath),
      archive,
      extensionVersion,
    });
    output.info(result.created
      ? `Created the class-data-sharing archive ${result.detail}; the server starts faster from now on.`
      : `No class-data-sharing archive (${result.detail}); the server starts without one.`);
    cdsTraining = false;
  }, 10000);
}

async function stopServer(): Promise<void> {
  const old = client;
  client = undefined;
  if (!old) {
    return;
  }
  try {
    if (old.isRunning()) {
      await old.stop(3000);
    }
  } catch (e) {
    output.appendLine(`Stopping the language server: ${(e as Error).message}`);
  }
  await old.dispose().catch(() => undefined);
}

let analysisTimer: NodeJS.Timeout | undefined;

/**
 * After the server re-analysed documents: re-read the inventory summary, the status bar's and the
 * panel's placement, and the fleet. Code lenses need nothing here: the server asks for them again
 * (`workspace/codeLens/refresh`) whenever the inventory changes, and VS Code asks after every edit.
 */
function scheduleAnalysisRefresh(): void {
  if (analysisTimer) {
    clearTimeout(analysisTimer);
  }
  analysisTimer = setTimeout(() => {
    analysisTimer = undefined;
    statusBar.refreshInventory(0);
    PlacementPanel.refreshIfOpen();
    FleetPanel.refreshIfOpen();
  }, 300);
}

function retargetLens(lens: vscode.CodeLens): void {
  if (lens.command?.command === SERVER_SHOW_PLACEMENT) {
    lens.command = { ...lens.command, command: CLIENT_SHOW_PLACEMENT };
  }
}

/**
 * The Java notification still open (VS Code has no API to close a notification), by its message,
 * and whether one was shown since the server last ran.
 */
let javaNotice: string | undefined;
let javaProblemReported = false;

/**
 * One notification, with the two things a user can do about it. A warning, not an error: VS Code
 * keeps an error with buttons on screen until it is clicked away, so it would still be there after
 * the user fixed Java and the server restarted. This one moves to the notification centre after a
 * while, and the status bar item (red, "DSLS: no Java") stays until Java is fixed. The same message
 * is not stacked again while it is open (each restart and settings change would add one).
 */
function reportJavaMissing(result: JavaNotFound): void {
  const message = describeNotFound(result);
  output.appendLine(message);
  javaProblemReported = true;
  if (javaNotice === message) {
    return;
  }
  javaNotice = message;
  void vscode.window.showWarningMessage(message, 'Open Settings', 'How to install Java').then((choice) => {
    if (javaNotice === message) {
      javaNotice = undefined;
    }
    if (choice === 'Open Settings') {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'dsls.java.home');
    } else if (choice === 'How to install Java') {
      void vscode.env.openExternal(vscode.Uri.parse(INSTALL_JAVA_URL));
    }
  });
}

/** After a Java problem was reported: say once that it is solved, so the old notification reads as past. */
function reportJavaFixed(version: string, source: string): void {
  if (!javaProblemReported) {
    return;
  }
  javaProblemReported = false;
  javaNotice = undefined;
  void vscode.window.showInformationMessage(`DSLS: the language server is running, with Java ${version} from ${source}.`);
}

/**
 * From a code lens: (uri string, {line, character}). From the palette or the status bar: no
 * arguments, so the active editor and its cursor.
 */
async function showPlacement(uriArg?: string | vscode.Uri, positionArg?: LspPosition): Promise<void> {
  let uri: vscode.Uri | undefined;
  let position: LspPosition | undefined;
  if (uriArg) {
    uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg;
    position = positionArg;
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'yaml') {
      void vscode.window.showInformationMessage('DSLS: open a DaemonSet manifest (YAML) to see its placement.');
      return;
    }
    uri = editor.document.uri;
    const p = editor.selection.active;
    position = { line: p.line, character: p.character };
  }
  await PlacementPanel.show(extensionContext.extensionUri, () => client, uri, position);
}

/** From the palette: the fleet of the active editor's workspace folder (else of the first folder). */
function showFleet(): void {
  FleetPanel.show(extensionContext.extensionUri, () => client, vscode.window.activeTextEditor?.document.uri);
}

/** Picks inventory files and writes them, relative to the workspace folder, into `dsls.inventory`. */
async function selectInventory(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders || folders.length === 0) {
    void vscode.window.showWarningMessage('DSLS: open a folder first; the inventory is a workspace setting.');
    return;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) || folders[0];
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true,
    canSelectFiles: true,
    canSelectFolders: false,
    defaultUri: folder.uri,
    openLabel: 'Use as Inventory',
    title: 'DSLS: node inventory files (kubectl get nodes -o yaml)',
    filters: { 'Node inventory': ['yaml', 'yml', 'json'] },
  });
  if (!picked || picked.length === 0) {
    return;
  }
  const paths = picked.map((uri) => {
    const rel = path.relative(folder.uri.fsPath, uri.fsPath);
    // Outside the folder a relative path would climb out with "..": keep those absolute.
    return rel.startsWith('..') || path.isAbsolute(rel) ? uri.fsPath : rel.split(path.sep).join('/');
  });
  await vscode.workspace.getConfiguration('dsls', folder.uri)
    .update('inventory', paths, vscode.ConfigurationTarget.WorkspaceFolder);
  void vscode.window.showInformationMessage(`DSLS: inventory set to ${paths.join(', ')}`);
}

function onConfigurationChanged(e: vscode.ConfigurationChangeEvent): void {
  if (e.affectsConfiguration('dsls.java.home') || e.affectsConfiguration('java.jdt.ls.java.home')) {
    // A different Java means a different process: restart (the other settings travel live).
    void enqueue(async () => {
      await stopServer();
      await startServer();
    });
    return;
  }
  if (e.affectsConfiguration('dsls')) {
    // The client has just sent didChangeConfiguration; give the server a moment to reload the
    // inventory before asking for the new numbers.
    statusBar.refreshInventory(300);
    PlacementPanel.refreshIfOpen(300);
    FleetPanel.refreshIfOpen(300);
  }
}
