// The status bar item: the inventory's node count and, for the DaemonSet in the active editor,
// on how many nodes it runs ("demo: 2/3 nodes").

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CLIENT_SHOW_PLACEMENT,
  DaemonSetPlacement,
  INVENTORY_REQUEST,
  InventorySummary,
  PLACEMENT_REQUEST,
  PlacementParams,
  PlacementPreview,
  runsSummary,
} from './protocol';

const DEBOUNCE_MS = 300;

export type ServerPhase = 'starting' | 'running' | 'stopped' | 'noJava';

export class DslsStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private phase: ServerPhase = 'starting';
  private inventory: InventorySummary | undefined;
  private active: DaemonSetPlacement | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly getClient: () => LanguageClient | undefined) {
    this.item = vscode.window.createStatusBarItem('dsls.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'DSLS';
    this.render();
    this.item.show();

    vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0), null, this.disposables);
    vscode.window.onDidChangeTextEditorSelection(() => this.schedule(DEBOUNCE_MS), null, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) {
        this.schedule(DEBOUNCE_MS);
      }
    }, null, this.disposables);
    // A saved file may be an inventory file: count the nodes again.
    vscode.workspace.onDidSaveTextDocument(() => this.refreshInventory(DEBOUNCE_MS), null, this.disposables);
  }

  setPhase(phase: ServerPhase): void {
    this.phase = phase;
    if (phase !== 'running') {
      this.inventory = undefined;
      this.active = undefined;
    }
    this.render();
    if (phase === 'running') {
      this.refreshInventory(0);
    }
  }

  /** Asks the server for the inventory summary, then for the active DaemonSet's placement. */
  refreshInventory(delayMs: number): void {
    setTimeout(async () => {
      const client = this.getClient();
      if (!client?.isRunning()) {
        return;
      }
      try {
        this.inventory = await client.sendRequest<InventorySummary>(INVENTORY_REQUEST, {});
      } catch (e) {
        this.inventory = undefined;
        client.warn(`dsls/inventory failed: ${(e as Error).message}`);
      }
      this.render();
      this.schedule(0);
    }, delayMs);
  }

  private schedule(delayMs: number): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refreshActive();
    }, delayMs);
  }

  private async refreshActive(): Promise<void> {
    const generation = ++this.generation;
    const editor = vscode.window.activeTextEditor;
    const client = this.getClient();
    if (!editor || editor.document.languageId !== 'yaml' || !client?.isRunning()) {
      this.active = undefined;
      this.render();
      return;
    }
    try {
      // Ask for the whole file and pick locally: one request serves both "the DaemonSet under the
      // cursor" and "the only DaemonSet of this file" when the cursor is on a comment or blank line.
      const preview = await client.sendRequest<PlacementPreview>(PLACEMENT_REQUEST, {
        textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
      } satisfies PlacementParams);
      if (generation !== this.generation) {
        return;
      }
      this.active = pickActive(preview.daemonSets, editor.selection.active);
    } catch {
      this.active = undefined;
    }
    this.render();
  }

  private render(): void {
    const item = this.item;
    item.backgroundColor = undefined;
    switch (this.phase) {
      case 'starting':
        item.text = '$(sync~spin) DSLS';
        item.tooltip = 'DSLS: starting the DaemonSet language server';
        item.command = undefined;
        return;
      case 'noJava':
        item.text = '$(error) DSLS: no Java';
        item.tooltip = 'DSLS needs Java 17 or newer. Click to set dsls.java.home.';
        item.command = { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['dsls.java.home'] };
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        return;
      case 'stopped':
        item.text = '$(error) DSLS: stopped';
        item.tooltip = 'The DSLS language server is not running. Click to restart it.';
        item.command = 'dsls.restartServer';
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        return;
      case 'running':
        break;
    }
    const inv = this.inventory;
    const tooltip = new vscode.MarkdownString();
    if (!inv) {
      item.text = '$(server) DSLS';
      tooltip.appendText('DSLS: DaemonSet language server');
    } else if (inv.nodes === 0) {
      // "demo: 0/0 nodes" would read like a broken DaemonSet; the inventory is what is missing.
      item.text = `${inv.problems.length > 0 ? '$(warning)' : '$(server)'} DSLS: no inventory`;
      tooltip.appendMarkdown('No node inventory: run **DSLS: Select Inventory**, set `dsls.inventory` or add `.dsls/inventory.yaml`.');
      for (const p of inv.problems.slice(0, 5)) {
        tooltip.appendMarkdown(`\n\n$(warning) ${escapeMd(`${p.path}:${p.line}: ${p.message}`)}`);
      }
      tooltip.supportThemeIcons = true;
    } else {
      const icon = inv.problems.length > 0 ? '$(warning)' : '$(server)';
      const nodes = `${inv.nodes} node${inv.nodes === 1 ? '' : 's'}`;
      if (this.active) {
        const { runs, total } = runsSummary(this.active);
        item.text = `${icon} ${this.active.name}: ${runs}/${total} nodes`;
        tooltip.appendMarkdown(`**${escapeMd(this.active.name)}** runs on ${runs} of ${total} nodes.\n\n`);
      } else {
        item.text = `${icon} DSLS: ${nodes}`;
      }
      tooltip.appendMarkdown(`Inventory: ${nodes}`);
      tooltip.appendMarkdown(inv.files.length > 0
        ? ` from ${inv.files.map((f) => '`' + f + '`').join(', ')}`
        : ' (no inventory file: set `dsls.inventory` or add `.dsls/inventory.yaml`)');
      for (const p of inv.problems.slice(0, 5)) {
        tooltip.appendMarkdown(`\n\n$(warning) ${escapeMd(`${p.path}:${p.line}: ${p.message}`)}`);
      }
      tooltip.supportThemeIcons = true;
    }
    tooltip.appendMarkdown('\n\nClick for the placement preview.');
    item.tooltip = tooltip;
    item.command = CLIENT_SHOW_PLACEMENT;
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.item.dispose();
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
  }
}

function pickActive(all: DaemonSetPlacement[], cursor: vscode.Position): DaemonSetPlacement | undefined {
  const under = all.find((ds) => ds.range &&
    new vscode.Range(ds.range.start.line, ds.range.start.character, ds.range.end.line, ds.range.end.character)
      .contains(cursor));
  return under ?? (all.length === 1 ? all[0] : undefined);
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
