// The placement preview panel: a webview with the placement of the DaemonSet under the cursor, its
// nodes grouped by outcome and reason (render.ts) with a filter over node names (media/panel.js),
// refreshed when the manifest, the cursor, the inventory or the settings change. It opens where
// `dsls.placementPreview.location` says (beside the editor by default) and stays where it is put.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LspPosition, PLACEMENT_REQUEST, PlacementParams, PlacementPreview } from './protocol';
import { renderPlacementBody } from './render';

const EDIT_DEBOUNCE_MS = 400;
const CURSOR_DEBOUNCE_MS = 250;

interface Target {
  uri: vscode.Uri;
  position?: LspPosition;
}

export class PlacementPanel implements vscode.Disposable {
  static readonly viewType = 'dsls.placement';
  private static current: PlacementPanel | undefined;
  private static opening: Promise<PlacementPanel> | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The last rendered body, re-sent when the webview (re)loads and asks for it. */
  private lastHtml: string | undefined;
  /** Drops responses that arrive after a newer request was sent. */
  private generation = 0;

  static async show(
    extensionUri: vscode.Uri,
    getClient: () => LanguageClient | undefined,
    uri: vscode.Uri,
    position: LspPosition | undefined,
  ): Promise<PlacementPanel> {
    if (PlacementPanel.opening) {
      // A second click while the first one is still opening the panel (see 'below').
      await PlacementPanel.opening;
    }
    if (PlacementPanel.current) {
      PlacementPanel.current.target = { uri, position };
      // Where it is: beside, below or wherever the user dragged it.
      PlacementPanel.current.panel.reveal(undefined, true);
      void PlacementPanel.current.refresh();
      return PlacementPanel.current;
    }
    PlacementPanel.opening = PlacementPanel.open(extensionUri, getClient, { uri, position });
    try {
      return await PlacementPanel.opening;
    } finally {
      PlacementPanel.opening = undefined;
    }
  }

  private static async open(
    extensionUri: vscode.Uri,
    getClient: () => LanguageClient | undefined,
    target: Target,
  ): Promise<PlacementPanel> {
    const location = vscode.workspace.getConfiguration('dsls').get<string>('placementPreview.location', 'beside');
    const editor = vscode.window.activeTextEditor;
    let viewColumn = vscode.ViewColumn.Beside;
    if (location === 'tab') {
      viewColumn = editor?.viewColumn ?? vscode.ViewColumn.Active;
    } else if (location === 'below') {
      // A new editor group under the active one; the panel opens there and the editor keeps its width.
      await vscode.commands.executeCommand('workbench.action.newGroupBelow');
      viewColumn = vscode.ViewColumn.Active;
    }
    const panel = vscode.window.createWebviewPanel(
      PlacementPanel.viewType,
      'DaemonSet Placement',
      { viewColumn, preserveFocus: true },
      {
        enableScripts: true,
        // Only the bundled CSS and script; nothing from the network or the workspace.
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
      },
    );
    PlacementPanel.current = new PlacementPanel(panel, extensionUri, getClient, target);
    if (location === 'below' && editor) {
      // newGroupBelow moved the focus to the new group: give it back to the manifest.
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    }
    return PlacementPanel.current;
  }

  /** Called when the inventory or the settings change, or the server restarted. */
  static refreshIfOpen(delayMs = 0): void {
    PlacementPanel.current?.schedule(delayMs);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly getClient: () => LanguageClient | undefined,
    private target: Target,
  ) {
    panel.webview.html = this.shell(extensionUri);
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    // A message posted before the webview's script runs can be lost, so the script says when it is
    // ready and gets the latest table then.
    panel.webview.onDidReceiveMessage((msg) => {
      if (msg?.type === 'ready' && this.lastHtml !== undefined) {
        void panel.webview.postMessage({ type: 'render', html: this.lastHtml });
      }
    }, null, this.disposables);

    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === this.target.uri.toString() && e.contentChanges.length > 0) {
        this.schedule(EDIT_DEBOUNCE_MS);
      }
    }, null, this.disposables);
    // Any save may be an inventory file; the server re-reads it, so ask again.
    vscode.workspace.onDidSaveTextDocument(() => this.schedule(EDIT_DEBOUNCE_MS), null, this.disposables);
    // Follow the active YAML editor (a webview or another kind of file leaves the panel as it is).
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor?.document.languageId === 'yaml') {
        const pos = editor.selection.active;
        this.target = { uri: editor.document.uri, position: { line: pos.line, character: pos.character } };
        this.schedule(CURSOR_DEBOUNCE_MS);
      }
    }, null, this.disposables);
    vscode.window.onDidChangeTextEditorSelection((e) => {
      const doc = e.textEditor.document;
      if (doc.languageId !== 'yaml') {
        return;
      }
      // Follow the cursor, also into another YAML file: the panel shows "the DaemonSet under the cursor".
      const pos = e.selections[0].active;
      this.target = { uri: doc.uri, position: { line: pos.line, character: pos.character } };
      this.schedule(CURSOR_DEBOUNCE_MS);
    }, null, this.disposables);

    this.refresh();
  }

  private shell(extensionUri: vscode.Uri): string {
    const webview = this.panel.webview;
    const nonce = makeNonce();
    const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.js'));
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
<link rel="stylesheet" href="${css}">
<title>DaemonSet Placement</title>
</head>
<body>
<div id="toolbar" hidden><input id="filter" type="search" placeholder="Filter nodes by name" aria-label="Filter nodes by name" spellcheck="false"><span id="filter-info"></span></div>
<main id="root">${renderPlacementBody(undefined, { fileLabel: this.fileLabel() })}</main>
<script nonce="${nonce}" src="${js}"></script>
</body>
</html>`;
  }

  private fileLabel(): string {
    return vscode.workspace.asRelativePath(this.target.uri, false) || path.basename(this.target.uri.fsPath);
  }

  private schedule(delayMs: number): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delayMs);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const fileLabel = this.fileLabel();
    this.panel.title = `Placement: ${path.basename(this.target.uri.path)}`;
    const client = this.getClient();
    if (!client || !client.isRunning()) {
      this.post(renderPlacementBody(undefined, {
        fileLabel,
        error: 'The DSLS language server is not running. Run “DSLS: Restart Server”, or see the DSLS output.',
      }));
      return;
    }
    try {
      const uri = client.code2ProtocolConverter.asUri(this.target.uri);
      let preview = await client.sendRequest<PlacementPreview>(PLACEMENT_REQUEST,
        { textDocument: { uri }, position: this.target.position } satisfies PlacementParams);
      // Cursor between DaemonSets (or on a comment): show every DaemonSet of the file instead of nothing.
      if (this.target.position && preview.daemonSets.length === 0) {
        preview = await client.sendRequest<PlacementPreview>(PLACEMENT_REQUEST,
          { textDocument: { uri } } satisfies PlacementParams);
      }
      if (generation === this.generation) {
        this.post(renderPlacementBody(preview, { fileLabel }));
      }
    } catch (e) {
      if (generation === this.generation) {
        this.post(renderPlacementBody(undefined, { fileLabel, error: `Placement preview failed: ${(e as Error).message}` }));
      }
    }
  }

  private post(html: string): void {
    if (html === this.lastHtml) {
      // The cursor moved within the same DaemonSet: nothing to redraw (5,000 nodes take a while).
      return;
    }
    this.lastHtml = html;
    void this.panel.webview.postMessage({ type: 'render', html });
  }

  dispose(): void {
    PlacementPanel.current = undefined;
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
  }
}

/** The nonce that lets a panel's own script, and no other, run in its webview. */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) {
    s += chars.charAt(Math.floor(Math.random() * chars.length));
  }
  return s;
}
