-- dsls for Neovim 0.8 to 0.10: the DaemonSet language server in the built-in LSP client, no plugins.
--
-- Use: copy this file to ~/.config/nvim/lua/dsls.lua and add `require('dsls')` to init.lua.
-- The server: the jar at $DSLS_JAR when set, else `dsls lsp` (the release's bin/dsls on the PATH),
-- else ~/.local/share/dsls/dsls.jar. A jar runs with $JAVA_HOME/bin/java, else `java` (Java 17+).
-- (Neovim 0.11+: use lsp/dsls.lua instead; 0.7: dsls-0.7.lua.)
--
-- vim.lsp.start, called from a FileType autocmd, starts one server per workspace root and reuses it
-- for every YAML buffer under that root. Code lenses (the placement "runs on 2 of 3 nodes · excluded:
-- …" above each DaemonSet) are refreshed on BufEnter, CursorHold and InsertLeave; :DslsPlacement
-- shows on which nodes the DaemonSet under the cursor runs and why the others are excluded.

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

-- The workspace root: the nearest directory with a `.dsls` folder, else the nearest with `.git`,
-- else the file's own directory. (`.dsls` first: it holds the node inventory.)
local function find_root(path)
  local dir = vim.fs.dirname(path)
  local marker = vim.fs.find('.dsls', { upward = true, path = dir, type = 'directory' })[1]
    or vim.fs.find('.git', { upward = true, path = dir })[1]
  return marker and vim.fs.dirname(marker) or dir
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

local function on_attach(client, bufnr)
  vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc' -- <C-x><C-o> completes
  vim.keymap.set('n', 'K', vim.lsp.buf.hover, { buffer = bufnr, desc = 'dsls: hover' })
  -- :DslsPlacement — workspace/executeCommand dsls.showPlacement for the cursor position (UTF-16).
  vim.api.nvim_buf_create_user_command(bufnr, 'DslsPlacement', function()
    local params = vim.lsp.util.make_position_params()
    local command = { command = 'dsls.showPlacement', arguments = { params.textDocument.uri, params.position } }
    client.request('workspace/executeCommand', command, function(err, result)
      if err then
        vim.notify('dsls.showPlacement: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
        return
      end
      vim.lsp.util.open_floating_preview(placement_lines(result), 'text',
        { border = 'rounded', focus_id = 'dsls-placement' })
    end, bufnr)
  end, { desc = 'dsls: where the DaemonSet under the cursor runs' })
  -- Code lenses are only shown once asked for: refresh when entering the buffer, pausing, leaving
  -- insert mode (the lens follows the text you just typed), when the server publishes diagnostics
  -- (it does after (re)loading the node inventory, which changes the placement), and now.
  local function refresh()
    -- Before 0.10 refresh() takes no buffer and works on the current one.
    if vim.api.nvim_get_current_buf() == bufnr then vim.lsp.codelens.refresh({ bufnr = bufnr }) end
  end
  vim.api.nvim_create_autocmd({ 'BufEnter', 'CursorHold', 'InsertLeave', 'DiagnosticChanged' }, {
    group = vim.api.nvim_create_augroup('dsls_codelens_' .. bufnr, { clear = true }),
    buffer = bufnr,
    callback = refresh,
  })
  refresh()
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
    -- Reuses the running client of the same name and root_dir, else starts one.
    vim.lsp.start({
      name = 'dsls',
      cmd = cmd,
      root_dir = find_root(path),
      settings = settings, -- answered when the server asks with workspace/configuration
      init_options = { settings = settings },
      on_init = function(client)
        -- Before 0.10 Neovim does not send settings by itself: push them once (harmless after).
        client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
      end,
      on_attach = on_attach,
    }, { bufnr = args.buf })
  end,
})
