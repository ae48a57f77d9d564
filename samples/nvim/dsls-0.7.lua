-- dsls for Neovim 0.7 (Debian 12's `neovim` package): the DaemonSet language server in the
-- built-in LSP client, with no plugins.
--
-- Use: copy this file to ~/.config/nvim/lua/dsls.lua and add `require('dsls')` to init.lua
-- (or `lua require('dsls')` to init.vim), or source it with `:luafile`.
-- The server: the jar at $DSLS_JAR when set, else `dsls lsp` (the release's bin/dsls on the PATH),
-- else ~/.local/share/dsls/dsls.jar. A jar runs with $JAVA_HOME/bin/java, else `java` (Java 17+).
--
-- What 0.7 needs done by hand, and this file does (0.8+ users: see dsls-0.8.lua / lsp/dsls.lua):
--   * no vim.lsp.start: start one client per workspace root with vim.lsp.start_client and attach
--     every YAML buffer under that root with vim.lsp.buf_attach_client;
--   * 0.7 does not advertise `workspace/configuration`, so the settings are pushed with
--     `workspace/didChangeConfiguration` once the server is initialised;
--   * 0.7 does not ask for code lenses by itself: they are refreshed on BufEnter, CursorHold and
--     InsertLeave (the placement lens "runs on 2 of 3 nodes · excluded: …" above each DaemonSet);
--   * :DslsPlacement shows on which nodes the DaemonSet under the cursor runs and why others are
--     excluded (`workspace/executeCommand dsls.showPlacement`), in a floating window.

-- Settings, sent as `settings.dsls`. All are optional.
local settings = {
  dsls = {
    -- Inventory files (paths or globs, relative to the workspace root). Default: .dsls/inventory.yaml
    -- or .dsls/inventory.json in the root. e.g. inventory = { 'clusters/prod-nodes.yaml' },
    inventory = {},
    -- Diagnostic codes to turn off in this editor, e.g. { 'latest-tag' }.
    checks = { disabled = {} },
    trace = { server = 'off' },
  },
}

-- The only place that says how the server starts. With $DSLS_JAR set: that jar. Else `dsls lsp` when
-- the release's bin/dsls is on the PATH (it finds Java 17+, adds the JVM flags and a class-data-
-- sharing archive). Else ~/.local/share/dsls/dsls.jar. A jar runs with $JAVA_HOME/bin/java or `java`
-- and the flags of the jvm.options beside it (a build writes server/target/jvm.options), the list
-- that bin/dsls and the VS Code extension read too.
local jar = os.getenv('DSLS_JAR') or vim.fn.expand('~/.local/share/dsls/dsls.jar')
local use_dsls = os.getenv('DSLS_JAR') == nil and vim.fn.executable('dsls') == 1
local function jar_cmd()
  local java = os.getenv('JAVA_HOME') and (os.getenv('JAVA_HOME') .. '/bin/java') or 'java'
  -- Without jvm.options, still the two flags that keep JVM warnings off stdout, which carries LSP.
  local flags = { '-Xlog:disable', '-Xlog:all=warning:stderr' }
  local options = vim.fn.fnamemodify(jar, ':h') .. '/jvm.options'
  if vim.fn.filereadable(options) == 1 then
    flags = vim.tbl_filter(function(line) return line ~= '' and line:sub(1, 1) ~= '#' end,
      vim.tbl_map(vim.trim, vim.fn.readfile(options)))
  end
  return vim.list_extend(vim.list_extend({ java }, flags), { '-jar', jar, 'lsp' })
end
local cmd = use_dsls and { 'dsls', 'lsp' } or jar_cmd()

local clients_by_root = {} -- root directory -> client id: one server per workspace root

-- The workspace root: the nearest directory with a `.dsls` folder, else the nearest with `.git`
-- (a folder, or a file in git worktrees), else the file's own directory. 0.7 has no vim.fs.
local function find_root(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local dsls = vim.fn.finddir('.dsls', dir .. ';')
  if dsls ~= '' then
    return vim.fn.fnamemodify(dsls, ':p:h:h')
  end
  local git = vim.fn.finddir('.git', dir .. ';')
  if git == '' then
    git = vim.fn.findfile('.git', dir .. ';')
  end
  if git ~= '' then
    local marker = vim.fn.fnamemodify(git, ':p'):gsub('/$', '') -- ':p' adds a slash to folders
    return vim.fn.fnamemodify(marker, ':h')
  end
  return dir
end

-- Formats the result of dsls.showPlacement (what `dsls preview --format json` prints) as
-- `dsls preview` does: a summary, kubectl's status columns, one line per node, near misses, rollout.
local function placement_lines(result)
  local lines = {}
  for _, ds in ipairs((result or {}).daemonSets or {}) do
    local st, ro = ds.status or {}, ds.rollout or {}
    table.insert(lines, string.format('DaemonSet %s/%s: %s', ds.namespace, ds.name, ds.summary or ''))
    table.insert(lines, string.format('DESIRED %s  CURRENT %s  READY %s  UP-TO-DATE %s  AVAILABLE %s  NODE SELECTOR %s',
      st.desiredNumberScheduled, st.currentNumberScheduled, st.numberReady, st.updatedNumberScheduled,
      st.numberAvailable, ds.nodeSelector or ''))
    table.insert(lines, string.format('%-24s %-8s %s', 'NODE', 'RUNS', 'REASON'))
    local near = {}
    for _, node in ipairs(ds.nodes or {}) do
      local reasons = vim.tbl_map(function(r) return r.code .. ': ' .. r.message end, node.reasons or {})
      table.insert(lines, string.format('%-24s %-8s %s', node.name, node.runs, table.concat(reasons, '; ')))
      if node.nearMiss then table.insert(near, 'near miss: ' .. node.name .. ': ' .. node.nearMiss.message) end
    end
    vim.list_extend(lines, near)
    if ro.strategy then
      table.insert(lines, string.format('rollout: %s, %s waves; %s', ro.strategy, tostring(ro.waves), ro.note or ''))
    end
    table.insert(lines, '')
  end
  if #lines == 0 then
    lines = { 'dsls: no DaemonSet here (or no node inventory: see the dsls.inventory setting)' }
  end
  return lines
end

-- :DslsPlacement — asks the server of this buffer for the placement of the DaemonSet under the cursor.
local function show_placement()
  local bufnr = vim.api.nvim_get_current_buf()
  local client
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do -- initialised clients attached to bufnr
    if c.name == 'dsls' then client = c end
  end
  if not client then
    vim.notify('dsls: no running server for this buffer', vim.log.levels.WARN)
    return
  end
  local params = vim.lsp.util.make_position_params() -- UTF-16 positions, as the server expects
  local command = { command = 'dsls.showPlacement', arguments = { params.textDocument.uri, params.position } }
  client.request('workspace/executeCommand', command, function(err, result)
    if err then
      vim.notify('dsls.showPlacement: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    vim.lsp.util.open_floating_preview(placement_lines(result), 'text',
      { border = 'rounded', focus_id = 'dsls-placement' })
  end, bufnr)
end

local function on_attach(client, bufnr)
  vim.api.nvim_buf_set_option(bufnr, 'omnifunc', 'v:lua.vim.lsp.omnifunc') -- <C-x><C-o> completes
  vim.keymap.set('n', 'K', vim.lsp.buf.hover, { buffer = bufnr, desc = 'dsls: hover' })
  vim.api.nvim_buf_create_user_command(bufnr, 'DslsPlacement', show_placement,
    { desc = 'dsls: where the DaemonSet under the cursor runs' })
  -- Code lenses: 0.7 only shows what vim.lsp.codelens.refresh() fetched. Refresh only from here on:
  -- on_attach runs once the client is initialised, and a refresh sent earlier would find no
  -- initialised client and leave 0.7's refresh throttle stuck for this buffer. Besides the usual
  -- BufEnter, CursorHold and InsertLeave, refresh when the server publishes new diagnostics: it does
  -- so after (re)loading the node inventory, which changes the placement the lens shows.
  local function refresh()
    if vim.api.nvim_get_current_buf() == bufnr then vim.lsp.codelens.refresh() end -- current buffer only
  end
  vim.api.nvim_create_autocmd({ 'BufEnter', 'CursorHold', 'InsertLeave', 'DiagnosticChanged' }, {
    group = vim.api.nvim_create_augroup('dsls_codelens_' .. bufnr, { clear = true }),
    buffer = bufnr,
    callback = refresh,
  })
  refresh()
end

local function start(root)
  return vim.lsp.start_client({
    name = 'dsls',
    cmd = cmd,
    root_dir = root, -- becomes rootUri and the single workspace folder
    settings = settings, -- what 0.7 answers if a server asks with workspace/configuration
    init_options = { settings = settings },
    on_init = function(client)
      -- 0.7 sends no settings by itself and advertises no workspace/configuration: push them.
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
    on_attach = on_attach,
    on_exit = function(_, _, client_id)
      if clients_by_root[root] == client_id then clients_by_root[root] = nil end
    end,
  })
end

vim.api.nvim_create_autocmd('FileType', {
  group = vim.api.nvim_create_augroup('dsls', { clear = true }),
  pattern = 'yaml',
  callback = function(args)
    local path = vim.api.nvim_buf_get_name(args.buf)
    if path == '' or vim.bo[args.buf].buftype ~= '' then return end -- only real files
    if not use_dsls and vim.fn.filereadable(jar) == 0 then
      vim.notify('dsls: neither `dsls` on the PATH nor a server jar at ' .. jar .. '; set $DSLS_JAR',
        vim.log.levels.ERROR)
      return
    end
    local root = find_root(path)
    local id = clients_by_root[root]
    local client = id and vim.lsp.get_client_by_id(id)
    if not client or client.is_stopped() then
      id = start(root)
      clients_by_root[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
