// Drives code-server (a real VS Code 1.100.3) in Debian's Chromium and checks, in the editor UI,
// what a user of the DSLS extension would see. Started by run.sh, which sets PORT, WORKSPACE,
// SCREENSHOTS and RUN. Every check takes a screenshot; the run ends with "N passed, N failed".

import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fleetNames, writeFleet } from './fleet.mjs';
import { PENDING, POOLS, writePools } from './pools.mjs';

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

/** Moves the cursor to a 1-based line and column with Go to Line. */
async function goTo(line, column) {
  await page.keyboard.press(`${MOD}+G`);
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 5000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** The diagnostics the bundled server reports for a file on disk (`dsls check --format json`). */
function checkFile(file) {
  const ext = readdirSync(join(RUN, 'extensions')).find((d) => d.startsWith('dsls.'));
  const jar = join(RUN, 'extensions', ext, 'server', 'dsls.jar');
  const run = spawnSync('java', ['-jar', jar, 'check', '--format', 'json', file], { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`dsls check ${file} exited ${run.status}: ${run.stderr}`);
  }
  return JSON.parse(run.stdout).files.flatMap((f) => f.diagnostics);
}

/** The placement panel's node names, and its groups' badges and headers. */
const PLACEMENT_BOXES = 'li.node:not([hidden]) .name, details.group:not([hidden]) > summary > *';
/** The fleet panel's names (pools, DaemonSets, nodes, pods), bar labels, bars and badges. */
const FLEET_BOXES = '.name, .bar-label, meter, .pill';

/**
 * Fails when a listed name is cut (its text wider than its box), overlaps another name or badge,
 * or sticks out of the panel: what a user could not read. `selector` picks the boxes.
 */
async function assertNamesReadable(frame, where, selector = PLACEMENT_BOXES) {
  const problems = await frame.locator('body').evaluate((_, boxSelector) => {
    const out = [];
    const width = document.documentElement.clientWidth;
    const boxes = [...document.querySelectorAll(boxSelector)]
      // Names inside a closed group are not on screen (Chromium still gives them boxes).
      .filter((e) => e.offsetParent !== null && (e.closest('summary') || !e.closest('details') || e.closest('details').open))
      .map((e) => ({ e, r: e.getBoundingClientRect() }));
    for (const { e, r } of boxes) {
      if (e.scrollWidth > e.clientWidth + 1 && e.classList.contains('name')) {
        out.push(`cut: ${e.textContent}`);
      }
      if (r.right > width + 1) {
        out.push(`outside the panel: ${e.textContent}`);
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
          out.push(`overlap: "${boxes[i].e.textContent}" and "${boxes[j].e.textContent}"`);
        }
      }
      if (out.length > 5) {
        break;
      }
    }
    return out.concat(`(${boxes.length} boxes)`);
  }, selector);
  if (problems.length > 1) {
    throw new Error(`${where}: ${problems.slice(0, 5).join('; ')}`);
  }
  log(`  ${where}: names readable ${problems[0]}`);
}

/** The node groups' headers: "runs · 260 nodes", "excluded taint x:NoSchedule · 3 nodes". */
function groupHeads(frame) {
  return frame.locator('details.group > summary').evaluateAll((summaries) => summaries.map((s) =>
    [...s.querySelectorAll('.pill, .subject, .count')].map((e) => e.textContent.trim()).join(' ')));
}

/** The window's one webview: the placement panel, or in the pools window the fleet panel. */
function webviewFrame() {
  // A webview is an iframe (the host) holding another iframe (the content).
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Runs a command by its title from the command palette, once the palette offers it first. */
async function runCommand(title) {
  await retry(`"${title}" in the command palette`, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${MOD}+Shift+P`);
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.type(title);
    // Rows are recycled, so go by index: the top entry is the one Enter runs.
    const top = page.locator('.quick-input-list .monaco-list-row[data-index="0"]').first();
    const deadline = Date.now() + 5000;
    let offered = '';
    while (!(offered = (await top.innerText({ timeout: 1000 }).catch(() => ''))).includes(title)) {
      if (Date.now() > deadline) {
        throw new Error(`the palette offers ${JSON.stringify(offered.replace(/\s+/g, ' '))} first`);
      }
      await page.waitForTimeout(200);
    }
    await page.keyboard.press('Enter');
    return true;
  }, { timeoutMs: 30000 });
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
    const frame = webviewFrame();
    const groups = frame.locator('details.group');
    await retry('node groups in the webview', () => groups.first().isVisible(), { timeoutMs: 30000 });
    log(`  groups visible after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // Three nodes: two groups, both open, each node listed once in its group.
    const heads = await groupHeads(frame);
    const excluded = frame.locator('details.group.excluded', { hasText: 'taint node-role.kubernetes.io/control-plane:NoSchedule' });
    const runs = frame.locator('details.group.runs');
    if (!(await excluded.locator('li[data-node="kind-control-plane"]').isVisible())) {
      throw new Error(`kind-control-plane is not listed under its taint; groups: ${heads.join(' | ')}`);
    }
    for (const node of ['kind-worker', 'kind-worker2']) {
      if (!(await runs.locator(`li[data-node="${node}"]`).isVisible())) {
        throw new Error(`${node} is not listed under runs; groups: ${heads.join(' | ')}`);
      }
    }
    // The near miss once: the toleration is written one time in the group, not in a column per node.
    const groupText = await excluded.innerText();
    const tolerations = groupText.split('{key: node-role.kubernetes.io/control-plane').length - 1;
    if (tolerations !== 1) {
      throw new Error(`the toleration appears ${tolerations} times in: ${groupText.replace(/\s+/g, ' ')}`);
    }
    const summary = await frame.locator('h2 .summary').first().innerText();
    return `${summary}; groups: ${heads.join(' | ')}`;
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
    const frame = webviewFrame();
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
    // The old notification must not read as current: one notice says Java is fine again.
    const fixed = page.locator('.notification-toast', { hasText: 'the language server is running, with Java' }).first();
    await retry('notification that the server runs again', () => fixed.isVisible(), { timeoutMs: 15000 });
    const javaToasts = await page.locator('.notification-toast', { hasText: 'dsls.java.home' }).count();
    if (javaToasts > 1) {
      throw new Error(`${javaToasts} notifications about dsls.java.home are stacked`);
    }
    return `"${message.slice(0, 160)}"; server restarted after the setting was removed; "${(await fixed.innerText()).replace(/\s+/g, ' ').slice(0, 100)}"`;
  });

  await check('quick-fix-keeps-file-valid', async () => {
    // "Make the template labels match spec.selector" on the project's own block-style sample, from
    // the Quick Fix menu (Ctrl+.), then save: the file must still parse, the mismatch be gone, and
    // no error be added (the bundled server checks the saved file, as `dsls check` would).
    await page.keyboard.press('Escape');
    const file = 'broken/selector-mismatch.yaml';
    await openFile(file);
    const problems = page.locator('.markers-panel');
    await page.keyboard.press(`${MOD}+Shift+M`);
    // The Problems view lists every file; its filter keeps the one problem in sight.
    const problemsFilter = page.getByPlaceholder(/^Filter \(e\.g\. text/).first();
    await problemsFilter.fill('does not match template');
    await retry('the selector mismatch in the Problems view', () =>
      problems.locator('.monaco-list-row', { hasText: 'does not match template' }).first().isVisible(), { timeoutMs: 30000 });
    const before = checkFile(join(WORKSPACE, file));
    // Line 12 is `      labels:` of the pod template, where the server reports the mismatch.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await goTo(12, 8);
    const title = 'Make the template labels match spec.selector';
    const item = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    await retry(`"${title}" in the Quick Fix menu`, async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press(`${MOD}+.`);
      await item.waitFor({ state: 'visible', timeout: 3000 });
      return true;
    }, { timeoutMs: 30000, intervalMs: 1500 });
    await screenshot('quick-fix-menu');
    // Choose it with the keyboard, as the menu is meant to be used: down to it, then Enter.
    const focused = page.locator('.action-widget .monaco-list-row.focused').first();
    for (let i = 0; i < 10 && !(await focused.innerText().catch(() => '')).includes(title); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    // VS Code saves the files a code action edits (files.refactoring.autoSave); save anyway, as a user would.
    await page.waitForTimeout(500);
    await page.keyboard.press(`${MOD}+S`);
    await retry('the fixed file on disk', () => readFileSync(join(WORKSPACE, file), 'utf8').split('node-exporter').length - 1 === 2,
      { timeoutMs: 10000 });
    await retry('the mismatch gone from the Problems view', async () =>
      !(await problems.locator('.monaco-list-row', { hasText: 'does not match template' }).first().isVisible()),
    { timeoutMs: 30000 });
    await problemsFilter.fill('');
    const after = checkFile(join(WORKSPACE, file));
    const errors = (r) => r.filter((d) => d.severity === 'error').map((d) => d.code);
    if (after.some((d) => d.code === 'yaml-syntax' || d.code === 'selector-mismatch')) {
      throw new Error(`after the fix: ${after.map((d) => `${d.code}: ${d.message}`).join('; ').slice(0, 400)}`);
    }
    const added = errors(after).filter((c) => !errors(before).includes(c));
    if (added.length > 0) {
      throw new Error(`the fix added errors: ${added.join(', ')}`);
    }
    const text = readFileSync(join(WORKSPACE, file), 'utf8');
    return `errors before: ${errors(before).join(', ') || 'none'}; after: ${errors(after).join(', ') || 'none'}; ` +
      `template labels now: ${/labels:\s*\n\s*app: (\S+)/.exec(text.slice(text.indexOf('template:')))?.[1]}`;
  });

  // A cloud-sized cluster: a new workspace whose .dsls/inventory.yaml has 300 nodes with EKS- and
  // GKE-style names up to 61 characters. Opened in a fresh window, as a user opening another folder.
  const fleetDir = join(RUN, 'fleet');
  writeFleet(fleetDir, 300);
  await check('placement-panel-long-node-names', async () => {
    await page.close({ runBeforeUnload: false });
    page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(fleetDir)}`);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
    await retry('agent.yaml in the Explorer', () =>
      page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'agent.yaml' }).first().isVisible());
    await openFile('agent.yaml');
    const lensLink = page.locator('.codelens-decoration a', { hasText: /runs on \d+ of 300 nodes/ }).first();
    await retry('code lens over 300 nodes', () => lensLink.isVisible(), { timeoutMs: 90000 });
    const lens = await lensLink.innerText();
    await lensLink.click();
    const frame = webviewFrame();
    await retry('node groups in the webview', () => frame.locator('details.group').first().isVisible(), { timeoutMs: 30000 });
    const heads = await groupHeads(frame);
    const want = [/^runs · 260 nodes$/, /^pending cpu 500m · 17 nodes$/, /^excluded taint nvidia\.com\/gpu=present:NoSchedule · 12 nodes$/,
      /^excluded nodeSelector kubernetes\.io\/os=linux · 8 nodes$/, /^excluded taint node-role\.kubernetes\.io\/control-plane:NoSchedule · 3 nodes$/];
    if (heads.length !== want.length || !want.every((re, i) => re.test(heads[i]))) {
      throw new Error(`groups: ${heads.join(' | ')}`);
    }
    await assertNamesReadable(frame, 'the open groups');
    return `lens "${lens.slice(0, 90)}…"; groups: ${heads.join(' | ')}`;
  });

  await check('placement-panel-filter-and-show-all', async () => {
    const frame = webviewFrame();
    // The big group opens on a click, lists its first 200 nodes and offers the rest.
    await frame.locator('details.group.runs > summary').click();
    const runs = frame.locator('details.group.runs');
    const listed = await runs.locator('li.node:not([hidden])').count();
    if (listed !== 200 || !(await runs.locator('button.show-all').isVisible())) {
      throw new Error(`the runs group lists ${listed} nodes`);
    }
    await assertNamesReadable(frame, 'the runs group');
    await screenshot('placement-panel-runs-open');
    await runs.locator('button.show-all').click();
    await retry('all 260 nodes listed', async () => (await runs.locator('li.node:not([hidden])').count()) === 260, { timeoutMs: 5000 });
    await frame.locator('details.group.runs > summary').click(); // close it again
    await frame.locator('#filter').fill('4f7a9c21-002');
    const info = await retry('the filter result', async () => {
      const t = await frame.locator('#filter-info').innerText();
      return t ? t : undefined;
    }, { timeoutMs: 5000 });
    const shown = await frame.locator('li.node:not([hidden])').allInnerTexts();
    const names = fleetNames(300).filter((n) => n.includes('4f7a9c21-002'));
    if (shown.length !== names.length || !names.every((n) => shown.includes(n))) {
      throw new Error(`filter shows ${shown.length} nodes (${info}), expected ${names.length}: ${shown.slice(0, 5).join(', ')}`);
    }
    await assertNamesReadable(frame, 'the filtered groups');
    return `"4f7a9c21-002": ${info}, ${shown.length} nodes shown in their groups`;
  });

  // The fleet: a workspace of its own, written by e2e/pools.mjs, with five node agents over three
  // node pools and a GPU Node template, where the log agent stays pending on the small pool. Opened
  // in a fresh window; the panel comes from the command palette.
  const poolsDir = join(RUN, 'pools');
  writePools(poolsDir);
  await check('fleet-panel-from-command-palette', async () => {
    await page.close({ runBeforeUnload: false });
    page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(poolsDir)}`);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
    await retry('cni.yaml in the Explorer', () =>
      page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'cni.yaml' }).first().isVisible());
    // A manifest open, as a user would have one: its lens says the server has read the inventory.
    await openFile('cni.yaml');
    await retry('a placement code lens', () =>
      page.locator('.codelens-decoration', { hasText: /runs on \d+ of \d+ nodes/ }).first().isVisible(), { timeoutMs: 90000 });
    await runCommand('DaemonSet: Show Fleet');
    const frame = webviewFrame();
    await retry('node pools in the fleet panel', () => frame.locator('article.pool').first().isVisible(), { timeoutMs: 30000 });
    for (const { type } of POOLS) {
      if (!(await frame.locator(`article.pool[data-pool="${type}"] h3`, { hasText: type }).isVisible())) {
        const shown = await frame.locator('article.pool h3').allInnerTexts();
        throw new Error(`no pool ${type}; pools: ${shown.join(' | ')}`);
      }
    }
    const pending = frame.locator(`article.pool[data-pool="${PENDING.pool}"] li.pending-pods[data-daemonset="${PENDING.daemonSet}"]`);
    await retry(`${PENDING.daemonSet} pending in ${PENDING.pool}`, () => pending.isVisible(), { timeoutMs: 5000 });
    const text = (await pending.innerText()).replace(/\s+/g, ' ');
    if (!text.includes(PENDING.holder)) {
      throw new Error(`the pending ${PENDING.daemonSet} does not name ${PENDING.holder}: "${text}"`);
    }
    const bars = await frame.locator(`article.pool[data-pool="${PENDING.pool}"] .bar-label`).allInnerTexts();
    await assertNamesReadable(frame, 'the fleet panel', FLEET_BOXES);
    await pending.scrollIntoViewIfNeeded(); // for the screenshot
    return `pools ${POOLS.map((p) => p.type).join(', ')}; ${PENDING.pool}: ${bars.join(', ')}; "${text.slice(0, 200)}"`;
  });

  await check('fleet-panel-opens-daemonset', async () => {
    // A DaemonSet's name in the panel opens its file at the DaemonSet's line, the panel still in view.
    const frame = webviewFrame();
    const name = frame.locator(`li.daemonset-row[data-daemonset="${PENDING.daemonSet}"] button.open-daemonset`);
    const line = Number(await name.getAttribute('data-line'));
    await name.click();
    await page.locator('.tab.active', { hasText: PENDING.file }).waitFor({ state: 'visible', timeout: 10000 });
    const cursor = await retry(`the cursor on line ${line + 1}`, async () => {
      const t = (await page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first().innerText({ timeout: 2000 })).trim();
      return t.startsWith(`Ln ${line + 1},`) ? t : undefined;
    }, { timeoutMs: 10000 });
    if (!(await frame.locator('article.pool').first().isVisible())) {
      throw new Error('the fleet panel is no longer in view');
    }
    return `${PENDING.daemonSet} opened ${PENDING.file} at "${cursor}" beside the panel`;
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
