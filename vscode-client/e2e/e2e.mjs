// Drives code-server (a real VS Code 1.100.3) in Debian's Chromium and checks, in the editor UI,
// what a user of the DSLS extension would see. Started by run.sh, which sets PORT, WORKSPACE,
// SCREENSHOTS and RUN. Every check takes a screenshot; the run ends with "N passed, N failed".

import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PORT = process.env.PORT;
const WORKSPACE = process.env.WORKSPACE;
const SCREENSHOTS = process.env.SCREENSHOTS;
const RUN = process.env.RUN;
const URL = `http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(WORKSPACE)}`;
const MOD = 'Control';

const results = [];
let shot = 0;
let page;

function log(msg) {
  console.log(`e2e: ${msg}`);
}

async function screenshot(name) {
  shot += 1;
  const file = join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file }).catch((e) => log(`screenshot ${name} failed: ${e.message}`));
  return file;
}

/** Runs one check; a failure is recorded (with a screenshot) and the next check still runs. */
async function check(name, fn) {
  const started = Date.now();
  try {
    const detail = await fn();
    const file = await screenshot(name);
    results.push({ name, ok: true });
    log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''} [${file}]`);
  } catch (e) {
    const file = await screenshot(`${name}-FAILED`);
    results.push({ name, ok: false });
    log(`FAIL ${name}: ${e.message.split('\n')[0]} [${file}]`);
  }
}

/**
 * Calls fn until it returns a truthy value; the language server may still be starting. Gives up
 * at once when the extension reports that the server is down: waiting longer cannot help then.
 */
async function retry(what, fn, { timeoutMs = 60000, intervalMs = 1000, serverMayBeDown = false } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    const dead = page.locator('.statusbar-item', { hasText: /DSLS: (stopped|no Java)/ }).first();
    if (!serverMayBeDown && await dead.isVisible().catch(() => false)) {
      throw new Error(`${what}: the status bar says "${(await dead.innerText()).trim()}"`);
    }
    try {
      const value = await fn();
      if (value) {
        return value;
      }
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not seen within ${timeoutMs / 1000} s${last ? ` (${last.message.split('\n')[0]})` : ''}`);
    }
    await page.waitForTimeout(intervalMs);
  }
}

async function waitForServer(url) {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`code-server did not answer at ${url} within 60 s`);
}

/** Opens a workspace file with Quick Open and waits until it is the active, YAML-mode editor. */
async function openFile(relPath) {
  const started = Date.now();
  const base = relPath.split('/').pop();
  let attempt = 0;
  await retry(`editor tab for ${relPath}`, async () => {
    if (attempt++ > 0) {
      await screenshot(`open-${base}-retry${attempt}`);
    }
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${MOD}+P`);
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.type(relPath);
    // Accept only once the top entry (the one Enter opens) is this very file: right after typing,
    // the list may still show recently opened files or a fuzzy match such as
    // ds.demo.v2.rollingUpdate.yaml. Rows are recycled, so go by index, not DOM order.
    const topLabel = page.locator('.quick-input-list .monaco-list-row[data-index="0"] .label-name').first();
    const deadline = Date.now() + 5000;
    let top = '';
    while ((top = (await topLabel.innerText({ timeout: 1000 }).catch(() => '')).trim()) !== base) {
      if (Date.now() > deadline) {
        throw new Error(`Quick Open offers ${JSON.stringify(top)} first, not ${base}`);
      }
      await page.waitForTimeout(200);
    }
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: base }).waitFor({ state: 'visible', timeout: 5000 });
    return true;
  }, { timeoutMs: 45000 });
  await retry('YAML language mode in the status bar', () =>
    page.locator('.statusbar-item', { hasText: /^YAML$/ }).first().isVisible(), { timeoutMs: 20000 });
  log(`  opened ${relPath} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Moves the cursor to a 1-based line with Go to Line, then to its end. */
async function goToLineEnd(line) {
  await page.keyboard.press(`${MOD}+G`);
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 5000 });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
}

function editorToken(text) {
  return page.locator('.editor-instance .monaco-editor .view-lines span[class^="mtk"]')
    .filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
}

/** Writes the workspace's .vscode/settings.json, as a user editing it would; VS Code reloads it. */
function writeWorkspaceSettings(settings) {
  mkdirSync(join(WORKSPACE, '.vscode'), { recursive: true });
  writeFileSync(join(WORKSPACE, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
}

function placementFrame() {
  // A webview is an iframe (the host) holding another iframe (the content).
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

function extensionLogs() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        walk(p);
      } else if (/DSLS|exthost\.log|remoteexthost\.log/.test(name)) {
        out.push(p);
      }
    }
  };
  try {
    walk(join(RUN, 'user-data', 'logs'));
  } catch {
    // no logs yet
  }
  return out;
}

async function main() {
  await waitForServer(`http://127.0.0.1:${PORT}/healthz`);
  const context = await chromium.launchPersistentContext(join(RUN, 'browser-profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1600, height: 1000 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(15000);

  await check('workbench-opens-samples', async () => {
    await page.goto(URL);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
    await retry('samples folder in the Explorer', () =>
      page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'ds.demo.yaml' }).first().isVisible());
    return 'VS Code workbench with the samples folder';
  });

  await check('extension-installed', async () => {
    // The activity log in the status bar is not reliable; the DSLS status item is ours alone.
    await openFile('ds.demo.yaml');
    const item = await retry('DSLS status bar item', async () => {
      const loc = page.locator('.statusbar-item', { hasText: /DSLS|\d+\/\d+ nodes/ }).first();
      return (await loc.isVisible()) ? loc.innerText() : undefined;
    }, { timeoutMs: 30000 });
    return `status bar shows "${item.trim()}"`;
  });

  await check('placement-code-lens', async () => {
    const text = await retry('code lens "runs on 2 of 3 nodes"', async () => {
      const lens = page.locator('.codelens-decoration', { hasText: /runs on \d+ of \d+ nodes/ }).first();
      return (await lens.isVisible()) ? lens.innerText() : undefined;
    }, { timeoutMs: 90000 });
    if (!/runs on 2 of 3 nodes/.test(text)) {
      throw new Error(`lens says "${text}"`);
    }
    return `lens: "${text.trim()}"`;
  });

  await check('status-bar-active-daemonset', async () => {
    // Put the cursor inside the DaemonSet, then the item names it.
    await goToLineEnd(8);
    const text = await retry('status bar "demo: 2/3 nodes"', async () => {
      const loc = page.locator('.statusbar-item', { hasText: /demo: \d+\/\d+ nodes/ }).first();
      return (await loc.isVisible()) ? loc.innerText() : undefined;
    }, { timeoutMs: 30000 });
    if (!/demo: 2\/3 nodes/.test(text)) {
      throw new Error(`status bar says "${text}"`);
    }
    return `"${text.trim()}"`;
  });

  await check('hover-kubernetes-docs', async () => {
    const text = await retry('hover on "containers"', async () => {
      await page.mouse.move(5, 500);
      await page.waitForTimeout(200);
      await editorToken('containers').hover();
      // The hover may also hold diagnostics of that line; look for the field's Kubernetes docs.
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
      await hover.waitFor({ state: 'visible', timeout: 4000 });
      const t = await hover.innerText();
      const docs = /containers\s+\[\]Container[\s\S]*List of containers belonging to the pod[^\n]*/.exec(t);
      return docs ? docs[0] : undefined;
    }, { timeoutMs: 60000, intervalMs: 1500 });
    return `hover: "${text.replace(/\s+/g, ' ').slice(0, 120)}…"`;
  });

  await check('inventory-aware-completion', async () => {
    await page.mouse.move(5, 500);
    await openFile('ds.demo.nodeSelector.yaml');
    // Line 19 is `        gpu: cuda` inside nodeSelector: start a new key below it.
    await goToLineEnd(19);
    await page.keyboard.press('Enter');
    await retry('completion item kubernetes.io/os', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press(`${MOD}+Space`);
      const widget = page.locator('.editor-widget.suggest-widget.visible');
      await widget.waitFor({ state: 'visible', timeout: 3000 });
      await widget.locator('.monaco-list-row', { hasText: 'kubernetes.io/os' }).first()
        .waitFor({ state: 'visible', timeout: 3000 });
      return true;
    }, { timeoutMs: 60000, intervalMs: 1500 });
    // Narrow the list to the label, so the focused row shows its detail (the node count) in full.
    await page.keyboard.type('kubernetes.io/os');
    const focused = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
    const text = await retry('focused item kubernetes.io/os with its node count', async () => {
      const t = await focused.innerText({ timeout: 3000 });
      return /^kubernetes\.io\/os/.test(t.trim()) ? t : undefined;
    }, { timeoutMs: 10000 });
    if (!/3 of 3 nodes/.test(text)) {
      throw new Error(`kubernetes.io/os offered, but without "3 of 3 nodes": ${text.replace(/\s+/g, ' ')}`);
    }
    return `focused item: "${text.replace(/\s+/g, ' ').trim()}"`;
  });

  await check('diagnostics-in-problems-view', async () => {
    await page.keyboard.press('Escape');
    await openFile('broken/decode-errors.yaml');
    await page.keyboard.press(`${MOD}+Shift+M`);
    const text = await retry('error in the Problems view', async () => {
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'spec.replicas' }).first();
      return (await row.isVisible()) ? row.innerText() : undefined;
    }, { timeoutMs: 60000 });
    return `problem: "${text.replace(/\s+/g, ' ').slice(0, 120)}"`;
  });

  await check('placement-panel-from-code-lens', async () => {
    await page.keyboard.press(`${MOD}+J`); // close the panel area, so the screenshots show the editor
    await openFile('ds.demo.yaml');
    const lensLink = page.locator('.codelens-decoration a', { hasText: /runs on/ }).first();
    await retry('code lens to click', () => lensLink.isVisible(), { timeoutMs: 60000 });
    const t0 = Date.now();
    await lensLink.click();
    log(`  clicked the lens after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const frame = placementFrame();
    const table = frame.locator('table.placement-table');
    await retry('placement table in the webview', () => table.isVisible(), { timeoutMs: 30000 });
    log(`  table visible after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const rows = {};
    for (const node of ['kind-control-plane', 'kind-worker', 'kind-worker2']) {
      rows[node] = (await frame.locator(`tr[data-node="${node}"]`).innerText({ timeout: 5000 })).replace(/\s+/g, ' ');
    }
    if (!/excluded/.test(rows['kind-control-plane']) || !/taint/.test(rows['kind-control-plane'])) {
      throw new Error(`kind-control-plane row: ${rows['kind-control-plane']}`);
    }
    for (const node of ['kind-worker', 'kind-worker2']) {
      if (!/\bruns\b/.test(rows[node])) {
        throw new Error(`${node} row: ${rows[node]}`);
      }
    }
    const summary = await frame.locator('h2 .summary').first().innerText();
    return `${summary}; control plane: ${rows['kind-control-plane'].slice(0, 100)}`;
  });

  await check('placement-panel-follows-edits', async () => {
    // Type a toleration of every taint into the pod spec, as a user would; the panel and the status
    // bar follow without a save. Line 16 is `    spec:` of the pod template; VS Code's YAML
    // auto-indent puts the new keys one level deeper.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await goToLineEnd(16);
    // Enter keeps the indentation of `    spec:`; two more spaces make the new key a child of it,
    // and the list item stays at the key's indentation (valid YAML).
    await page.keyboard.press('Enter');
    await page.keyboard.type('  tolerations:');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- operator: Exists');
    await page.keyboard.press('Escape');
    const frame = placementFrame();
    const summary = await retry('panel "runs on 3 of 3 nodes"', async () => {
      const s = await frame.locator('h2 .summary').first().innerText({ timeout: 3000 });
      return /runs on 3 of 3 nodes/.test(s) ? s : undefined;
    }, { timeoutMs: 30000 });
    const status = await retry('status bar "demo: 3/3 nodes"', async () => {
      const loc = page.locator('.statusbar-item', { hasText: /demo: 3\/3 nodes/ }).first();
      return (await loc.isVisible()) ? loc.innerText() : undefined;
    }, { timeoutMs: 20000 });
    return `after typing a toleration: panel "${summary}", status bar "${status.trim()}"`;
  });

  await check('settings-reach-server-without-restart', async () => {
    // dsls.checks.disabled travels by workspace/didChangeConfiguration: the unknown-field error
    // leaves the Problems view while the other errors of the file stay.
    await openFile('broken/decode-errors.yaml');
    await page.keyboard.press(`${MOD}+Shift+M`);
    const problems = page.locator('.markers-panel');
    await retry('spec.replicas in the Problems view', () =>
      problems.locator('.monaco-list-row', { hasText: 'spec.replicas' }).first().isVisible(), { timeoutMs: 30000 });
    writeWorkspaceSettings({ 'dsls.checks.disabled': ['unknown-field'] });
    await retry('spec.replicas gone, 200MB still reported', async () =>
      !(await problems.locator('.monaco-list-row', { hasText: 'spec.replicas' }).first().isVisible()) &&
      await problems.locator('.monaco-list-row', { hasText: '200MB' }).first().isVisible(), { timeoutMs: 30000 });
    return 'after "dsls.checks.disabled": ["unknown-field"] the spec.replicas error is gone, 200MB stays';
  });

  await check('java-missing-notification', async () => {
    // A dsls.java.home without Java: one notification with both actions, "no Java" in the status
    // bar. Then the setting is removed and the server comes back by itself.
    writeWorkspaceSettings({ 'dsls.java.home': '/nonexistent/jdk' });
    const toast = page.locator('.notification-toast', { hasText: 'dsls.java.home' }).first();
    await retry('notification about dsls.java.home', () => toast.isVisible(), { timeoutMs: 30000, serverMayBeDown: true });
    const message = (await toast.innerText()).replace(/\s+/g, ' ');
    for (const action of ['Open Settings', 'How to install Java']) {
      if (!(await toast.locator('.monaco-button', { hasText: action }).first().isVisible())) {
        throw new Error(`no "${action}" button in: ${message}`);
      }
    }
    await retry('"DSLS: no Java" in the status bar', () =>
      page.locator('.statusbar-item', { hasText: 'DSLS: no Java' }).first().isVisible(), { timeoutMs: 10000, serverMayBeDown: true });
    await screenshot('java-missing-notification-shown');
    writeWorkspaceSettings({});
    await retry('server back after removing dsls.java.home', () =>
      page.locator('.statusbar-item', { hasText: /DSLS: \d+ nodes|: \d+\/\d+ nodes/ }).first().isVisible(),
    { timeoutMs: 60000, serverMayBeDown: true });
    return `"${message.slice(0, 160)}"; server restarted after the setting was removed`;
  });

  await context.close();
}

let fatal;
try {
  await main();
} catch (e) {
  fatal = e;
  log(`aborted: ${e.stack ?? e}`);
  if (page) {
    await screenshot('aborted');
  }
}

const failed = results.filter((r) => !r.ok).length + (fatal ? 1 : 0);
const passed = results.filter((r) => r.ok).length;
if (failed > 0) {
  for (const file of extensionLogs()) {
    const text = readFileSync(file, 'utf8').trim().split('\n').slice(-25).join('\n');
    if (text) {
      log(`--- last lines of ${file}\n${text}`);
    }
  }
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
