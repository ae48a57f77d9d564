-- End-to-end test of dsls in a real Neovim, through Neovim's own LSP client.
--
-- Run by .ci/nvim-e2e.sh as
--   DSLS_JAR=server/target/dsls.jar nvim --headless --clean -u samples/nvim/dsls-0.7.lua \
--     -c 'luafile server/src/test/nvim/e2e.lua'
-- so the shipped 0.7 snippet is the only configuration: it must start the server, find the
-- workspace root (samples/, thanks to samples/.dsls), push the settings and refresh code lenses.
-- Every check below asserts what a user would see (diagnostics, completion items, hover text,
-- lens titles, the :DslsPlacement window), so a misbehaving server fails the run, not only a crash.
-- Exit status: 0 when every check passed (`qall!`), 1 otherwise (`cquit 1`), with one line per check.

local uv = vim.loop
local started = uv.hrtime()
local TIMEOUT_MS = tonumber(os.getenv('DSLS_E2E_TIMEOUT_MS') or '') or 90000
local REQUEST_MS = 10000 -- one request; generous for a cold JVM on a busy 2-core CI runner

-- The repository: this file is <repo>/server/src/test/nvim/e2e.lua.
local here = debug.getinfo(1, 'S').source:sub(2)
local repo = vim.fn.fnamemodify(here, ':p:h:h:h:h:h')
local samples = repo .. '/samples'

local failures = {}
local checks = 0

local function elapsed_ms()
  return math.floor((uv.hrtime() - started) / 1e6)
end

local function say(line)
  io.stdout:write(string.format('[%6d ms] %s\n', elapsed_ms(), line))
  io.stdout:flush()
end

-- The server's own log lines and Neovim's LSP log help whoever reads a red CI run.
local function dump_lsp_log()
  local path = vim.lsp.get_log_path()
  local lines = vim.fn.filereadable(path) == 1 and vim.fn.readfile(path) or {}
  io.stderr:write(string.format('--- last lines of %s ---\n', path))
  for i = math.max(1, #lines - 40), #lines do
    io.stderr:write(lines[i]:sub(1, 400) .. '\n')
  end
end

local function finish()
  if #failures == 0 then
    say(string.format('PASS: %d checks', checks))
    vim.cmd('qall!')
  else
    io.stderr:write(string.format('FAILED: %d of %d checks\n', #failures, checks))
    for _, f in ipairs(failures) do
      io.stderr:write('  - ' .. f .. '\n')
    end
    dump_lsp_log()
    vim.cmd('cquit 1')
  end
end

-- A check that may fail without stopping the run: the next checks still say what else is wrong.
local function check(name, ok, detail)
  checks = checks + 1
  if ok then
    say('ok   ' .. name)
  else
    local msg = name .. (detail and (': ' .. detail) or '')
    table.insert(failures, msg)
    say('FAIL ' .. msg)
  end
  return ok
end

-- A check the rest of the run depends on: stop at once when it fails.
local function require_(name, ok, detail)
  if not check(name, ok, detail) then
    finish()
  end
end

-- Backstop: a stuck synchronous call must not hang CI (the shell script has its own timeout too).
local watchdog = uv.new_timer()
watchdog:start(TIMEOUT_MS, 0, function()
  vim.schedule(function()
    table.insert(failures, string.format('global timeout: the run took over %d ms', TIMEOUT_MS))
    finish()
  end)
end)

-- Waits (processing events) until fn() returns a truthy value, at most timeout_ms and never past
-- the global deadline. Returns that value, or nil and the last value seen.
local function wait_for(timeout_ms, fn)
  local left = TIMEOUT_MS - elapsed_ms() - 2000
  local value
  vim.wait(math.max(0, math.min(timeout_ms, left)), function()
    value = fn()
    return value and true or false
  end, 50)
  return value
end

local function sleep(ms)
  vim.wait(ms, function() return false end, 20)
end

local function open(relative)
  vim.cmd('edit ' .. vim.fn.fnameescape(samples .. '/' .. relative))
  return vim.api.nvim_get_current_buf()
end

-- 0-based number of the first line matching a Lua pattern.
local function line_of(bufnr, pattern)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line:match(pattern) then return i - 1, line end
  end
  error('no line matches ' .. pattern .. ' in ' .. vim.api.nvim_buf_get_name(bufnr))
end

local function dsls_client(bufnr)
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do -- initialised clients only (0.7)
    if client.name == 'dsls' then return client end
  end
end

local function has(text, fragment)
  return type(text) == 'string' and text:find(fragment, 1, true) ~= nil
end

local function one_line(value)
  return vim.inspect(value):gsub('%s+', ' '):sub(1, 600)
end

-- Sends a request through the given client and returns its result, or nil and the error.
local function request(client, method, params, bufnr)
  local response, err = client.request_sync(method, params, REQUEST_MS, bufnr)
  if not response then return nil, 'no response: ' .. tostring(err) end
  if response.err then return nil, 'error: ' .. one_line(response.err) end
  return response.result
end

-- Sends a request to every client of the buffer, as Neovim's own features do, and returns dsls's result.
local function buf_request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, REQUEST_MS)
  if not responses then return nil, 'no response: ' .. tostring(err) end
  local client = dsls_client(bufnr)
  local response = client and responses[client.id]
  if not response then return nil, 'no response from dsls: ' .. one_line(responses) end
  if response.err then return nil, 'error: ' .. one_line(response.err) end
  return response.result
end

local function diagnostics_with(bufnr, code)
  return vim.tbl_filter(function(d) return d.code == code end, vim.diagnostic.get(bufnr))
end

local function summary(diagnostics)
  return one_line(vim.tbl_map(function(d)
    return string.format('%d:%d %s %s', d.lnum, d.col, tostring(d.code), d.message:sub(1, 60))
  end, diagnostics))
end

-- The checks, in the order a user meets the features. A Lua error in here (a test bug, or a reply
-- of an unexpected shape) fails the run at once instead of leaving Neovim waiting for the watchdog.
local function run()
  say('Neovim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch
    .. ', server ' .. tostring(os.getenv('DSLS_JAR')) .. ', workspace ' .. samples)

  -- 1. The 0.7 snippet starts the server for a YAML buffer, under the right root -------------------
  require_('the shipped snippet defines its FileType autocmd',
    #vim.api.nvim_get_autocmds({ group = 'dsls', event = 'FileType' }) == 1)

  local broken = open('broken/decode-errors.yaml')
  require_('decode-errors.yaml is detected as yaml', vim.bo[broken].filetype == 'yaml', vim.bo[broken].filetype)
  -- The snippet's client is the first this Neovim starts: id 1. Stop waiting as soon as it is gone.
  local started_once, exited = false, false
  local client = wait_for(30000, function()
    started_once = started_once or vim.lsp.get_client_by_id(1) ~= nil
    exited = started_once and vim.lsp.get_client_by_id(1) == nil
    return dsls_client(broken) or exited
  end)
  require_('a dsls client attaches and initialises', client and not exited,
    exited and 'the server exited during start-up (see the log below)'
      or 'no initialised dsls client after 30 s (is DSLS_JAR right? is java 17 on PATH?)')
  check('the workspace root is samples/ (the nearest .dsls)', client.config.root_dir == samples,
    tostring(client.config.root_dir))
  local caps = client.server_capabilities or {}
  check('the server offers dsls.showPlacement',
    vim.tbl_contains(((caps.executeCommandProvider or {}).commands or {}), 'dsls.showPlacement'),
    one_line(caps.executeCommandProvider))
  check('the server offers completion, hover and code lens',
    caps.completionProvider ~= nil and caps.hoverProvider and caps.codeLensProvider ~= nil, one_line(caps))
  check('the server speaks UTF-16, as 0.7 does',
    caps.positionEncoding == nil or caps.positionEncoding == 'utf-16', tostring(caps.positionEncoding))

  -- 2. The workspace inventory (samples/.dsls/inventory.yaml, the 3-node kind cluster) is loaded ----
  -- The server reads it in the background after `initialized`: ask until it has (at most ~15 s).
  local inventory, inventory_err
  for _ = 1, 30 do
    local result, err = request(client, 'dsls/inventory', nil, broken)
    inventory_err = err or one_line(result)
    if result and result.nodes == 3 then
      inventory = result
      break
    end
    sleep(500)
  end
  check('dsls/inventory reports the 3 nodes of samples/.dsls/inventory.yaml', inventory ~= nil
    and vim.tbl_contains(inventory.files or {}, samples .. '/.dsls/inventory.yaml')
    and #(inventory.problems or {}) == 0, inventory_err)

  -- The first lens was asked for right at attach, before the server had read the inventory. The
  -- snippet asks again when the server re-publishes diagnostics after loading it: no cursor event needed.
  local first_lens = wait_for(10000, function()
    local l = vim.lsp.codelens.get(broken)[1]
    return (l and l.command and has(l.command.title, 'of 3 nodes')) and l or nil
  end)
  check('the first lens follows the inventory load by itself (runs on 0 of 3 nodes)', first_lens ~= nil
    and has(first_lens.command.title, 'runs on 0 of 3 nodes'), one_line(vim.lsp.codelens.get(broken)))

  -- 3. Diagnostics for a broken manifest, as vim.diagnostic holds them ------------------------------
  local replicas_line = line_of(broken, '^  replicas:')
  local ssd_line, ssd_text = line_of(broken, 'ssd: yes')
  wait_for(15000, function()
    return #diagnostics_with(broken, 'unknown-field') > 0 and #diagnostics_with(broken, 'unquoted-string') > 0
  end)
  local unknown = diagnostics_with(broken, 'unknown-field')[1]
  check('unknown-field error on spec.replicas', unknown ~= nil and unknown.lnum == replicas_line
    and unknown.col == 2 and unknown.severity == vim.diagnostic.severity.ERROR
    and has(unknown.message, 'spec.replicas'), summary(vim.diagnostic.get(broken)))
  local unquoted = diagnostics_with(broken, 'unquoted-string')[1]
  check('unquoted-string error on `ssd: yes`', unquoted ~= nil and unquoted.lnum == ssd_line
    and unquoted.col == ssd_text:find('yes', 1, true) - 1 and unquoted.severity == vim.diagnostic.severity.ERROR,
    summary(vim.diagnostic.get(broken)))

  -- 4. Settings pushed with workspace/didChangeConfiguration (the only way 0.7 can send them) ------
  local pushed = vim.deepcopy(client.config.settings)
  pushed.dsls.checks = { disabled = { 'unquoted-string' } }
  client.notify('workspace/didChangeConfiguration', { settings = pushed })
  local gone = wait_for(10000, function()
    return #diagnostics_with(broken, 'unquoted-string') == 0 and #diagnostics_with(broken, 'unknown-field') > 0
  end)
  check('dsls.checks.disabled pushed by didChangeConfiguration turns unquoted-string off', gone,
    summary(vim.diagnostic.get(broken)))
  client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  local back = wait_for(10000, function() return #diagnostics_with(broken, 'unquoted-string') > 0 end)
  check('pushing the snippet settings again turns it back on', back, summary(vim.diagnostic.get(broken)))

  -- 5. Hover on a field of the demo DaemonSet -------------------------------------------------------
  local demo = open('ds.demo.yaml')
  local demo_uri = vim.uri_from_bufnr(demo)
  wait_for(10000, function() return dsls_client(demo) end)
  check('ds.demo.yaml reuses the one client of samples/', dsls_client(demo) == client
    and #vim.lsp.get_active_clients() == 1, one_line(vim.tbl_map(function(c)
      return c.name .. '@' .. tostring(c.config.root_dir) end, vim.lsp.get_active_clients())))
  local containers_line, containers_text = line_of(demo, '^%s*containers:')
  local hover, hover_err = buf_request(demo, 'textDocument/hover', {
    textDocument = { uri = demo_uri },
    position = { line = containers_line, character = containers_text:find('c') + 2 },
  })
  local hover_text = hover and hover.contents and (hover.contents.value or hover.contents) or nil
  hover_text = type(hover_text) == 'string' and hover_text:gsub('%s+', ' ') or nil
  check('hover on `containers` explains the field', has(hover_text, 'List of containers belonging to the pod'),
    hover_err or one_line(hover))

  -- 6. The placement code lens, refreshed by the snippet's own autocmd -------------------------------
  local kind_line = line_of(demo, '^kind: DaemonSet')
  local refreshers = {}
  for _, au in ipairs(vim.api.nvim_get_autocmds({ buffer = demo })) do refreshers[au.event] = true end
  check('the snippet refreshes code lenses on BufEnter, CursorHold, InsertLeave and DiagnosticChanged',
    refreshers.BufEnter and refreshers.CursorHold and refreshers.InsertLeave and refreshers.DiagnosticChanged,
    one_line(vim.tbl_keys(refreshers)))
  local function placement_lens()
    for _, l in ipairs(vim.lsp.codelens.get(demo)) do
      if l.command and has(l.command.title, 'of 3 nodes') then return l end
    end
  end
  local lens
  for _ = 1, 40 do -- up to ~20 s
    -- Headless Neovim has no CursorHold: fire the event the snippet's autocmd listens to, then give
    -- the answer time to arrive. (Not inside vim.wait's condition: it is re-run on every event.)
    vim.cmd('doautocmd <nomodeline> CursorHold')
    lens = wait_for(500, placement_lens)
    if lens then break end
  end
  local lenses = vim.lsp.codelens.get(demo)
  check('the code lens says "runs on 2 of 3 nodes"', lens ~= nil and has(lens.command.title, 'runs on 2 of 3 nodes'),
    one_line(lenses))
  check('the code lens names the excluded kind-control-plane', lens ~= nil
    and has(lens.command.title, 'excluded: kind-control-plane'), one_line(lenses))
  check('the code lens runs dsls.showPlacement on this document', lens ~= nil
    and lens.command.command == 'dsls.showPlacement' and (lens.command.arguments or {})[1] == demo_uri,
    one_line(lens and lens.command))
  local summary_diag = wait_for(5000, function() return diagnostics_with(demo, 'placement-summary')[1] end)
  check('an information diagnostic placement-summary repeats the lens', summary_diag ~= nil
    and summary_diag.severity == vim.diagnostic.severity.INFO and has(summary_diag.message, 'runs on 2 of 3 nodes'),
    summary(vim.diagnostic.get(demo)))

  -- 7. workspace/executeCommand dsls.showPlacement (and the equivalent dsls/placement request) ------
  local position = { line = kind_line, character = 0 }
  local placement, placement_err = request(client, 'workspace/executeCommand',
    { command = 'dsls.showPlacement', arguments = { demo_uri, position } }, demo)
  local ds = placement and (placement.daemonSets or {})[1]
  check('dsls.showPlacement returns the demo DaemonSet', ds ~= nil and ds.name == 'demo',
    placement_err or one_line(placement))
  local nodes = {}
  for _, node in ipairs(ds and ds.nodes or {}) do nodes[node.name] = node end
  for _, name in ipairs({ 'kind-worker', 'kind-worker2' }) do
    check('demo is desired and runs on ' .. name, nodes[name] ~= nil and nodes[name].desired == true
      and nodes[name].runs == 'yes', one_line(nodes[name]))
  end
  local cp = nodes['kind-control-plane']
  local taint = cp and vim.tbl_filter(function(r) return r.code == 'taint' end, cp.reasons or {})[1]
  check('kind-control-plane is excluded because of its taint', cp ~= nil and cp.desired == false
    and cp.runs == 'no' and taint ~= nil
    and has(taint.message, 'node-role.kubernetes.io/control-plane'), one_line(cp))
  local custom, custom_err = request(client, 'dsls/placement', { textDocument = { uri = demo_uri }, position = position }, demo)
  check('dsls/placement answers as dsls.showPlacement', ds ~= nil and custom ~= nil and vim.deep_equal(custom, placement),
    custom_err or one_line(custom))

  -- 8. :DslsPlacement (the snippet's user command) shows the same in a floating window --------------
  vim.api.nvim_win_set_cursor(0, { kind_line + 1, 0 })
  vim.cmd('DslsPlacement')
  local float_text = wait_for(REQUEST_MS, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        return table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
      end
    end
  end)
  check(':DslsPlacement opens a window listing the nodes and the taint', has(float_text, 'runs on 2 of 3 nodes')
    and float_text:match('kind%-worker2%s+yes') ~= nil and float_text:match('kind%-control%-plane%s+no%s+taint:') ~= nil,
    one_line(float_text))
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then vim.api.nvim_win_close(win, true) end
  end

  -- 9. Inventory-aware completion in a nodeSelector ----------------------------------------------------
  local selector = open('ds.demo.nodeSelector.yaml')
  local selector_uri = vim.uri_from_bufnr(selector)
  wait_for(10000, function() return dsls_client(selector) end)
  local ns_line, ns_text = line_of(selector, '^%s*nodeSelector:')
  local indent = string.rep(' ', #ns_text:match('^%s*') + 2)
  -- Type a new key line under nodeSelector:, as a user would (the client sends didChange).
  vim.api.nvim_buf_set_lines(selector, ns_line + 1, ns_line + 1, false, { indent })
  local function items_of(result)
    return result and (result.items or result) or {}
  end
  local keys, keys_err = buf_request(selector, 'textDocument/completion',
    { textDocument = { uri = selector_uri }, position = { line = ns_line + 1, character = #indent } })
  local os_item
  for _, item in ipairs(items_of(keys)) do
    if item.label == 'kubernetes.io/os' then os_item = item end
  end
  check('completion under nodeSelector offers kubernetes.io/os "on 3 of 3 nodes"', os_item ~= nil
    and has(os_item.detail, 'of 3 nodes'), keys_err or one_line(vim.tbl_map(function(i)
      return i.label .. ' | ' .. tostring(i.detail) end, items_of(keys))))
  -- What <C-x><C-o> (vim.lsp.omnifunc) would put in the popup menu: Neovim's own conversion.
  local popup = vim.lsp.util.text_document_completion_list_to_complete_items(keys or {}, '')
  local os_entry = vim.tbl_filter(function(e) return e.abbr == 'kubernetes.io/os' end, popup)[1]
  check('the popup menu shows kubernetes.io/os with its node count and inserts the key', os_entry ~= nil
    and has(os_entry.menu, 'of 3 nodes') and vim.startswith(os_entry.word, 'kubernetes.io/os:'),
    one_line(os_entry or popup[1]))
  check('no completion item is a snippet (0.7 has no snippet support)', #items_of(keys) > 0
    and #vim.tbl_filter(function(i) return i.insertTextFormat == 2 end, items_of(keys)) == 0, one_line(keys))
  local key_text = indent .. 'kubernetes.io/os: '
  vim.api.nvim_buf_set_lines(selector, ns_line + 1, ns_line + 2, false, { key_text })
  local values, values_err = buf_request(selector, 'textDocument/completion',
    { textDocument = { uri = selector_uri }, position = { line = ns_line + 1, character = #key_text } })
  local linux
  for _, item in ipairs(items_of(values)) do
    if item.label == 'linux' then linux = item end
  end
  check('value completion offers linux "3 of 3 nodes"', linux ~= nil and has(linux.detail, '3 of 3 nodes'),
    values_err or one_line(values))
  vim.cmd('edit!') -- drop the edits; the file on disk stays as shipped
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  table.insert(failures, 'the test raised an error: ' .. tostring(err))
end
finish()
