// The fleet panel: a webview with every DaemonSet of a workspace folder previewed together over its
// node inventory (`dsls/fleet`, rendered by fleet.ts), per node pool. It refreshes when the server
// re-analyses (new diagnostics or code lenses), on a save (it may be the inventory), when the settings
// change, and with its Refresh button; while hidden it waits and catches up once shown again.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { ErrorCodes, LanguageClient, ResponseError } from 'vscode-languageclient/node';
import { renderFleetBody } from './fleet';
import { makeNonce } from './panel';
import { FLEET_REQUEST, FleetParams, FleetReport } from './protocol';

const SAVE_DEBOUNCE_MS = 400;

export class FleetPanel implements vscode.Disposable {
  static readonly viewType = 'dsls.fleet';
  private static current: FleetPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** A refresh came due while the panel was hidden. */
  private stale = false;
  /** The last rendered body, re-sent when the webview (re)loads and asks for it. */
  private lastHtml: string | undefined;
  /** Drops responses that arrive after a newer request was sent. */
  private generation = 0;

  /**
   * Opens the panel, or shows it where it is, for the workspace folder of `documentUri` (the active
   * editor's document); without one, or outside every folder, the server takes the first folder.
   */
  static show(
    extensionUri: vscode.Uri,
    getClient: () => LanguageClient | undefined,
    documentUri: vscode.Uri | undefined,
  ): FleetPanel {
    const inFolder = documentUri && vscode.workspace.getWorkspaceFolder(documentUri) ? documentUri : undefined;
    const current = FleetPanel.current;
    if (current) {
      current.documentUri = inFolder ?? current.documentUri;
      current.panel.reveal(undefined, false);
      void current.refresh();
      return current;
    }
    const panel = vscode.window.createWebviewPanel(
      FleetPanel.viewType,
      'Fleet',
      // Beside the manifest being edited, so a DaemonSet opened from the panel does not cover it.
      vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
      {
        enableScripts: true,
        // Only the bundled CSS and script; nothing from the network or the workspace.
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
      },
    );
    FleetPanel.current = new FleetPanel(panel, extensionUri, getClient, inFolder);
    return FleetPanel.current;
  }

  /** Called when the server re-analysed, the settings changed, or the server started or stopped. */
  static refreshIfOpen(delayMs = 0): void {
    FleetPanel.current?.schedule(delayMs);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly getClient: () => LanguageClient | undefined,
    private documentUri: vscode.Uri | undefined,
  ) {
    panel.webview.html = this.shell(extensionUri);
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((msg) => {
      if (msg?.type === 'ready' && this.lastHtml !== undefined) {
        // A message posted before the webview's script runs can be lost: it asks when it is ready.
        void panel.webview.postMessage({ type: 'render', html: this.lastHtml });
      } else if (msg?.type === 'refresh') {
        void this.refresh();
      } else if (msg?.type === 'open') {
        void this.openDaemonSet(msg.uri, msg.file, msg.line);
      }
    }, null, this.disposables);
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.visible && this.stale) {
        this.schedule(0);
      }
    }, null, this.disposables);
    // Any save may be an inventory file; the server re-reads it, so ask again.
    vscode.workspace.onDidSaveTextDocument(() => this.schedule(SAVE_DEBOUNCE_MS), null, this.disposables);
    // Follow the active editor into another workspace folder (a file outside every folder changes nothing).
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const uri = editor?.document.uri;
      const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
      if (uri && folder && folder.uri.toString() !== this.folder()?.uri.toString()) {
        this.documentUri = uri;
        this.schedule(0);
      }
    }, null, this.disposables);

    void this.refresh();
  }

  private shell(extensionUri: vscode.Uri): string {
    const webview = this.panel.webview;
    const nonce = makeNonce();
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('panel.css')}">
<link rel="stylesheet" href="${media('fleet.css')}">
<title>Fleet</title>
</head>
<body>
<div id="toolbar"><button type="button" id="refresh">Refresh</button><span id="refresh-state" aria-live="polite"></span></div>
<main id="root">${renderFleetBody(undefined, { folderLabel: this.folderLabel() })}</main>
<script nonce="${nonce}" src="${media('fleet.js')}"></script>
</body>
</html>`;
  }

  private folder(): vscode.WorkspaceFolder | undefined {
    return (this.documentUri && vscode.workspace.getWorkspaceFolder(this.documentUri)) || vscode.workspace.workspaceFolders?.[0];
  }

  private folderLabel(): string {
    return this.folder()?.name ?? 'No folder open';
  }

  private schedule(delayMs: number): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.panel.visible) {
        // The whole workspace is previewed for each answer: not while nobody looks.
        this.stale = true;
        return;
      }
      void this.refresh();
    }, delayMs);
  }

  async refresh(): Promise<void> {
    this.stale = false;
    const generation = ++this.generation;
    const folderLabel = this.folderLabel();
    this.panel.title = this.folder() ? `Fleet: ${folderLabel}` : 'Fleet';
    const client = this.getClient();
    if (!client || !client.isRunning()) {
      this.post(renderFleetBody(undefined, {
        folderLabel,
        error: 'The DSLS language server is not running. Run “DSLS: Restart Server”, or see the DSLS output.',
      }));
      return;
    }
    try {
      const params: FleetParams = this.documentUri
        ? { textDocument: { uri: client.code2ProtocolConverter.asUri(this.documentUri) } }
        : {};
      const fleet = await client.sendRequest<FleetReport | null>(FLEET_REQUEST, params);
      if (generation === this.generation) {
        this.post(renderFleetBody(fleet, { folderLabel }));
      }
    } catch (e) {
      if (generation === this.generation) {
        const error = e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound
          ? `The DSLS language server does not answer ${FLEET_REQUEST}: it is older than this extension. Reinstall the extension.`
          : `Fleet failed: ${(e as Error).message}`;
        this.post(renderFleetBody(undefined, { folderLabel, error }));
      }
    }
  }

  private post(html: string): void {
    if (html === this.lastHtml) {
      // The same answer: keep the page, its scroll position and focus; the script only notes the time.
      void this.panel.webview.postMessage({ type: 'unchanged' });
      return;
    }
    this.lastHtml = html;
    void this.panel.webview.postMessage({ type: 'render', html });
  }

  /** Opens a DaemonSet's file at its line, in an editor group other than the panel's. */
  private async openDaemonSet(uri: unknown, file: unknown, line: unknown): Promise<void> {
    // The URI when it is one (a scheme of two letters or more: `C:` is a drive), else the path,
    // taken from the workspace folder when relative.
    const folder = this.folder();
    const target = typeof uri === 'string' && /^[a-z][a-z0-9+.-]+:/i.test(uri) ? vscode.Uri.parse(uri)
      : typeof file !== 'string' || file === '' ? undefined
        : path.isAbsolute(file) || !folder ? vscode.Uri.file(file) : vscode.Uri.joinPath(folder.uri, file);
    if (!target) {
      return;
    }
    const at = new vscode.Position(typeof line === 'number' && Number.isInteger(line) && line >= 0 ? line : 0, 0);
    const column = vscode.window.visibleTextEditors
      .map((editor) => editor.viewColumn)
      .find((c) => c !== undefined && c !== this.panel.viewColumn) ?? vscode.ViewColumn.Beside;
    try {
      const document = await vscode.workspace.openTextDocument(target);
      await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(at, at) });
    } catch (e) {
      void vscode.window.showErrorMessage(`DSLS: cannot open ${target.fsPath}: ${(e as Error).message}`);
    }
  }

  dispose(): void {
    FleetPanel.current = undefined;
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
  }
}
