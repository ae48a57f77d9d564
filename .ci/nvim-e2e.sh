#!/usr/bin/env bash
# End-to-end test of dsls in Debian's Neovim (0.7.2): starts `nvim --headless` with the shipped
# samples/nvim/dsls-0.7.lua as its only configuration and asserts, through Neovim's own LSP client,
# diagnostics, completion, hover, the placement code lens and dsls.showPlacement
# (server/src/test/nvim/e2e.lua), then what the 0.7 file draws and inserts (views.lua, below). Runs it twice: with the jar ($DSLS_JAR, default the build's
# server/target/dsls.jar, with the jvm.options beside it), and as users install it, with the release
# archive's bin/dsls on the PATH (`dsls lsp`; DSLS_HOME or server/target/dsls-*.tar.gz, see
# .ci/release.sh; skipped when there is no archive). Expects `mvn package`; exits non-zero on a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/release.sh

command -v nvim >/dev/null 2>&1 || apt_install neovim

jar="$(realpath -m "${DSLS_JAR:-server/target/dsls.jar}")"
if [ ! -f "$jar" ]; then
  echo "nvim-e2e: no server jar at $jar; build it first: mvn -q package -DskipTests" >&2
  exit 2
fi

# A throw-away home for Neovim: no user config, and its LSP log is kept out of ~/.cache.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"

# The client-side views of the 0.7 file, after e2e.lua's protocol checks: the lens on its own line
# above the DaemonSet, severity-sorted signs, :DslsPlacement showing the server's own preview text,
# the DaemonSet skeleton inserted whole (by :DslsSkeleton and by <C-x><C-o>), a quick fix applied
# through vim.lsp.buf.code_action(), each leaving YAML the server parses, and :DslsFleet showing the
# server's fleet text in a scratch buffer (in the workspace below). Nothing is written to samples/.
cat > "$tmp/views.lua" <<'LUA'
local uv = vim.loop
local started = uv.hrtime()
local TIMEOUT_MS = 90000
local samples = vim.fn.getcwd() .. '/samples'
local failures, checks = {}, 0

local function say(line)
  io.stdout:write(string.format('[%6d ms] %s\n', math.floor((uv.hrtime() - started) / 1e6), line))
  io.stdout:flush()
end
local function finish()
  if #failures == 0 then
    say(string.format('PASS: %d checks', checks))
    vim.cmd('qall!')
  else
    io.stderr:write(string.format('FAILED: %d of %d checks\n', #failures, checks))
    for _, f in ipairs(failures) do io.stderr:write('  - ' .. f .. '\n') end
    vim.cmd('cquit 1')
  end
end
local function check(name, ok, detail)
  checks = checks + 1
  if ok then say('ok   ' .. name) else
    table.insert(failures, name .. (detail and (': ' .. detail) or ''))
    say('FAIL ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return ok
end
local function require_(name, ok, detail)
  if not check(name, ok, detail) then finish() end
end
local watchdog = uv.new_timer()
watchdog:start(TIMEOUT_MS, 0, vim.schedule_wrap(function()
  table.insert(failures, 'global timeout after ' .. TIMEOUT_MS .. ' ms')
  finish()
end))
local function wait_for(ms, fn)
  local value
  vim.wait(ms, function() value = fn(); return value and true or false end, 50)
  return value
end
local function one_line(v) return vim.inspect(v):gsub('%s+', ' '):sub(1, 500) end
local function has(text, s) return type(text) == 'string' and text:find(s, 1, true) ~= nil end
local function dsls_client(bufnr)
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do if c.name == 'dsls' then return c end end
end
local function line_of(bufnr, pattern)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if l:match(pattern) then return i - 1 end
  end
end
local function codes(bufnr, severity)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, severity and { severity = severity } or nil)) do
    table.insert(out, tostring(d.code))
  end
  table.sort(out)
  return out
end
local function key(keys) vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(keys, true, false, true), 't', false) end
-- An empty YAML buffer for a file that does not exist (and is never written), under samples/.
local function empty_buffer(name)
  vim.cmd('edit ' .. vim.fn.fnameescape(samples .. '/' .. name))
  local bufnr = vim.api.nvim_get_current_buf()
  wait_for(30000, function() return dsls_client(bufnr) end)
  return bufnr
end
-- Waits until the server has published diagnostics for the buffer's current text.
local function published(bufnr, fn)
  return wait_for(15000, function()
    local ok = fn(vim.diagnostic.get(bufnr))
    return ok
  end)
end

local function run()
  say('views of samples/nvim/dsls-0.7.lua in Neovim ' .. vim.version().major .. '.' .. vim.version().minor)
  vim.o.showmode = false -- no "-- INSERT --" in the output of the insert-mode check
  check('vim.diagnostic.config has severity_sort', vim.diagnostic.config().severity_sort == true,
    one_line(vim.diagnostic.config()))

  -- The code lens: a virtual line of its own above the DaemonSet, not text after the diagnostics.
  vim.cmd('edit ' .. samples .. '/ds.demo.yaml')
  local demo = vim.api.nvim_get_current_buf()
  local client = wait_for(30000, function() return dsls_client(demo) end)
  require_('a dsls client attaches', client ~= nil)
  local ns = vim.api.nvim_create_namespace('vim_lsp_codelens:' .. client.id)
  local marks
  for _ = 1, 40 do
    vim.cmd('doautocmd <nomodeline> CursorHold')
    marks = wait_for(500, function()
      local m = vim.api.nvim_buf_get_extmarks(demo, ns, 0, -1, { details = true })
      for _, mark in ipairs(m) do
        local vl = mark[4].virt_lines
        if vl and has(vl[1][1][1], 'of 3 nodes') then return m end
      end
    end)
    if marks then break end
  end
  local kind_line = line_of(demo, '^kind: DaemonSet')
  local mark = marks and marks[1]
  check('the lens is a virtual line of its own above `kind: DaemonSet`', marks ~= nil and #marks == 1
    and mark[2] == kind_line and mark[4].virt_lines_above == true and has(mark[4].virt_lines[1][1][1], 'runs on 2 of 3 nodes'),
    one_line(marks or vim.api.nvim_buf_get_extmarks(demo, ns, 0, -1, { details = true })))
  check('the lens is no longer text at the end of a line', marks ~= nil and mark[4].virt_text == nil, one_line(mark))

  -- :DslsPlacement shows the server's preview text, as `dsls preview` prints it.
  vim.api.nvim_win_set_cursor(0, { kind_line + 1, 0 })
  local reply = client.request_sync('dsls/placement', { textDocument = { uri = vim.uri_from_bufnr(demo) },
    position = { line = kind_line, character = 0 } }, 10000, demo)
  local text = reply and reply.result and reply.result.text
  check('dsls/placement sends the preview text', has(text, 'NODE') and has(text, 'kind-control-plane'), one_line(reply))
  vim.cmd('DslsPlacement')
  local float = wait_for(10000, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        return table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
      end
    end
  end)
  check(':DslsPlacement shows the server\'s text', text ~= nil and has(float, text:gsub('\n+$', '')) and has(float, 'NODE')
    and has(float, 'kind-control-plane'), one_line(float))
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then vim.api.nvim_win_close(win, true) end
  end

  -- The DaemonSet skeleton, whole: :DslsSkeleton in an empty buffer...
  local skeleton_item
  local sk = empty_buffer('.dsls-e2e-skeleton.yaml')
  local items = client.request_sync('textDocument/completion', { textDocument = { uri = vim.uri_from_bufnr(sk) },
    position = { line = 0, character = 0 } }, 10000, sk)
  for _, item in ipairs(vim.lsp.util.extract_completion_items(items and items.result or {})) do
    if item.label == 'DaemonSet skeleton' then skeleton_item = item end
  end
  require_('the server offers the DaemonSet skeleton in an empty buffer', skeleton_item ~= nil, one_line(items))
  local want = vim.split(skeleton_item.textEdit.newText:gsub('\n$', ''), '\n', { plain = true })
  vim.cmd('DslsSkeleton')
  local lines = wait_for(5000, function()
    local l = vim.api.nvim_buf_get_lines(sk, 0, -1, false)
    return #l > 1 and l or nil
  end)
  check(':DslsSkeleton inserts the skeleton line by line', vim.deep_equal(lines, want), one_line(lines))
  local diags = published(sk, function(d)
    return #d > 0 and vim.tbl_filter(function(x) return x.code == 'placement-summary' end, d)[1] ~= nil
  end)
  check('the server parses the skeleton: no yaml-syntax, no error', diags ~= nil
    and #vim.diagnostic.get(sk, { severity = vim.diagnostic.severity.ERROR }) == 0, one_line(codes(sk)))
  vim.cmd('bwipeout!')

  -- ...and <C-x><C-o> in insert mode, accepting the first item (the skeleton).
  local om = empty_buffer('.dsls-e2e-omni.yaml')
  local menu
  local timer = uv.new_timer()
  local tries = 0
  timer:start(200, 200, vim.schedule_wrap(function()
    tries = tries + 1
    if vim.fn.pumvisible() == 1 then
      timer:stop()
      menu = vim.fn.complete_info({ 'items', 'selected' })
      key('<C-y><Esc>')
    elseif tries > 50 then
      timer:stop()
      key('<Esc>')
    end
  end))
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('i<C-x><C-o>', true, false, true), 'x!', false)
  wait_for(3000, function() return vim.fn.mode() == 'n' end)
  local first = menu and menu.items[1]
  check('<C-x><C-o> offers the skeleton with a one-line word', first ~= nil and first.abbr == 'DaemonSet skeleton'
    and not first.word:find('\n'), one_line(first))
  lines = vim.api.nvim_buf_get_lines(om, 0, -1, false)
  check('accepting it inserts the whole skeleton, no NUL bytes', vim.deep_equal(lines, want), one_line(lines))
  vim.cmd('bwipeout!')

  -- A quick fix through vim.lsp.buf.code_action(), choosing in vim.ui.select as a user would.
  vim.cmd('edit ' .. samples .. '/broken/selector-mismatch.yaml')
  local sm = vim.api.nvim_get_current_buf()
  wait_for(15000, function() return #vim.tbl_filter(function(d) return d.code == 'selector-mismatch' end,
    vim.diagnostic.get(sm)) > 0 end)
  local errors_before = codes(sm, vim.diagnostic.severity.ERROR)
  local labels = line_of(sm, '^      labels:')
  vim.api.nvim_win_set_cursor(0, { labels + 1, 6 })
  local offered
  local select = vim.ui.select
  vim.ui.select = function(choices, opts, on_choice)
    offered = vim.tbl_map(function(c) return opts.format_item and opts.format_item(c) or tostring(c) end, choices)
    for i, c in ipairs(choices) do
      if has(opts.format_item(c), 'Make the template labels match spec.selector') then return on_choice(c, i) end
    end
    on_choice(nil)
  end
  vim.lsp.buf.code_action()
  local fixed = wait_for(10000, function()
    local l = vim.api.nvim_buf_get_lines(sm, labels + 1, labels + 2, false)[1]
    return l and l:match('app: node%-exporter$') and l
  end)
  vim.ui.select = select
  check('the code action menu offers the fix, which edits the label', fixed ~= nil,
    one_line({ offered = offered, lines = vim.api.nvim_buf_get_lines(sm, labels - 1, labels + 4, false) }))
  local after = published(sm, function(d)
    return #vim.tbl_filter(function(x) return x.code == 'selector-mismatch' end, d) == 0 and #d > 0
  end)
  local errors_after = codes(sm, vim.diagnostic.severity.ERROR)
  check('the file stays valid: the mismatch is gone, no yaml-syntax, no error added', after ~= nil
    and not vim.tbl_contains(codes(sm), 'yaml-syntax') and #errors_after <= #errors_before
    and vim.api.nvim_buf_get_lines(sm, labels + 2, labels + 3, false)[1] == '    spec:',
    one_line({ before = errors_before, after = codes(sm), text = vim.api.nvim_buf_get_lines(sm, labels - 1, labels + 4, false) }))
  vim.cmd('edit!') -- drop the edit; the file on disk stays as shipped

  -- :DslsFleet in a workspace of its own (nvim-e2e.sh writes it; another root, so another server):
  -- the server's fleet text, as `dsls fleet` prints it, in a scratch buffer.
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('DSLS_E2E_FLEET') .. '/cni.yaml'))
  local cni = vim.api.nvim_get_current_buf()
  local fleet_client = wait_for(30000, function() return dsls_client(cni) end)
  require_('a dsls client attaches in the fleet workspace, with :DslsFleet', fleet_client ~= nil
    and fleet_client.id ~= client.id and wait_for(5000, function() return vim.fn.exists(':DslsFleet') == 2 end))
  local fleet_reply = fleet_client.request_sync('dsls/fleet', { textDocument = { uri = vim.uri_from_bufnr(cni) } }, 20000, cni)
  local fleet_text = fleet_reply and fleet_reply.result and fleet_reply.result.text
  check('dsls/fleet sends the fleet text: both pools and the PENDING column', has(fleet_text, 'm5.large')
    and has(fleet_text, 't3.small') and has(fleet_text, 'PENDING'), one_line(fleet_reply))
  local function fleet_buffers()
    local buffers, windows = {}, {}
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_get_name(b) == 'dsls://fleet' then table.insert(buffers, b) end
    end
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.tbl_contains(buffers, vim.api.nvim_win_get_buf(w)) then table.insert(windows, w) end
    end
    return buffers, windows
  end
  vim.cmd('DslsFleet')
  local shown = wait_for(20000, function()
    if vim.api.nvim_buf_get_name(0) == 'dsls://fleet' then
      return table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
    end
  end)
  check(':DslsFleet shows the server\'s text in a scratch buffer', fleet_text ~= nil
    and shown == (fleet_text:gsub('\n+$', '')) and has(shown, 't3.small') and has(shown, 'PENDING')
    and vim.bo.buftype == 'nofile' and not vim.bo.modifiable, one_line(shown))
  vim.cmd('wincmd p') -- back in cni.yaml: a second :DslsFleet refreshes the same buffer and window
  vim.cmd('DslsFleet')
  wait_for(20000, function() return vim.api.nvim_buf_get_name(0) == 'dsls://fleet' end)
  local buffers, windows = fleet_buffers()
  check('a second :DslsFleet reuses the scratch buffer and its window', #buffers == 1 and #windows == 1,
    one_line({ buffers = buffers, windows = windows }))
end

local ok, err = xpcall(run, debug.traceback)
if not ok then table.insert(failures, 'the test raised an error: ' .. tostring(err)) end
finish()
LUA

# The workspace of views.lua's :DslsFleet check: two node pools, and two DaemonSets of which the log
# agent, bound after the CNI (system-node-critical is the higher priority), finds 938Mi left on the
# t3.small node where it asks for 1Gi: PENDING there, held by kube-system/cilium.
fleet="$tmp/fleet"
mkdir -p "$fleet/.dsls"
cat > "$fleet/.dsls/inventory.yaml" <<'YAML'
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: ip-10-0-1-10.eu-west-1.compute.internal
    labels: {kubernetes.io/os: linux, node.kubernetes.io/instance-type: m5.large}
  status:
    allocatable: {cpu: 1930m, memory: 7Gi, pods: "29"}
- apiVersion: v1
  kind: Node
  metadata:
    name: ip-10-0-1-11.eu-west-1.compute.internal
    labels: {kubernetes.io/os: linux, node.kubernetes.io/instance-type: m5.large}
  status:
    allocatable: {cpu: 1930m, memory: 7Gi, pods: "29"}
- apiVersion: v1
  kind: Node
  metadata:
    name: ip-10-0-2-10.eu-west-1.compute.internal
    labels: {kubernetes.io/os: linux, node.kubernetes.io/instance-type: t3.small}
  status:
    allocatable: {cpu: 1930m, memory: 1450Mi, pods: "11"}
YAML
daemonset() { # NAME PRIORITY_CLASS CPU MEMORY: a DaemonSet manifest in kube-system
  cat <<YAML
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: $1
  namespace: kube-system
spec:
  selector:
    matchLabels: {app: $1}
  template:
    metadata:
      labels: {app: $1}
    spec:
      priorityClassName: $2
      containers:
      - name: $1
        image: registry.example.com/$1:1.0.0
        resources:
          requests: {cpu: $3, memory: $4}
          limits: {memory: $4}
YAML
}
daemonset cilium system-node-critical 100m 512Mi > "$fleet/cni.yaml"
daemonset fluent-bit system-cluster-critical 500m 1Gi > "$fleet/logs.yaml"
export DSLS_E2E_FLEET="$fleet"

e2e() { # ENV...: headless Neovim runs of e2e.lua, then of views.lua, with ENV (as for env(1))
  local status=0 script
  for script in server/src/test/nvim/e2e.lua "$tmp/views.lua"; do
    env "$@" timeout --kill-after=10 150 \
      nvim --headless --clean -u samples/nvim/dsls-0.7.lua -c "luafile $script" </dev/null \
      || status=$?
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
      echo "nvim-e2e: Neovim did not finish within 150 s" >&2
    fi
    [ "$status" -eq 0 ] || return "$status"
  done
}

echo "== Neovim end-to-end: $(nvim --version | head -1), $jar"
e2e DSLS_JAR="$jar"
if [ -n "${DSLS_HOME:-}" ] || compgen -G "server/target/dsls-*.tar.gz" >/dev/null; then
  release_home "$tmp"
  echo "== Neovim end-to-end: $(nvim --version | head -1), dsls lsp from $DSLS_HOME/bin on the PATH"
  e2e -u DSLS_JAR PATH="$DSLS_HOME/bin:$PATH"
else
  echo "nvim-e2e: no release archive (server/target/dsls-*.tar.gz): skipped the run through dsls on the PATH"
fi
