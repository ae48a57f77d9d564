-- dsls for Neovim 0.11+: the DaemonSet language server as a `vim.lsp.Config`.
--
-- Use: copy this file to ~/.config/nvim/lsp/dsls.lua and add `vim.lsp.enable('dsls')` to init.lua.
-- Override any part without editing it, e.g.
--   vim.lsp.config('dsls', { settings = { dsls = { inventory = { 'clusters/prod-nodes.yaml' } } } })
-- The server: the jar at $DSLS_JAR when set, else `dsls lsp` (the release's bin/dsls on the PATH),
-- else ~/.local/share/dsls/dsls.jar. A jar runs with $JAVA_HOME/bin/java, else `java` (Java 17+).
--
-- Neovim 0.11 sends the settings itself (didChangeConfiguration after initialize, and answers
-- workspace/configuration). What it still leaves to the config: refreshing code lenses (the placement
-- "runs on 2 of 3 nodes · excluded: …", drawn here on a line of their own above each DaemonSet), a
-- command for dsls.showPlacement, :DslsPlacement, which shows on which nodes the DaemonSet under the
-- cursor runs and why not elsewhere (as `dsls preview` prints it), :DslsFleet, which shows every
-- DaemonSet of the workspace previewed together, per node pool (as `dsls fleet` prints it, in a
-- scratch buffer), and severity-sorted signs.

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

-- Settings, sent as `settings.dsls`. All are optional.
local settings = {
  dsls = {
    -- Inventory files (paths or globs, relative to the workspace root). Default: .dsls/inventory.yaml
    -- or .dsls/inventory.json in the root.
    inventory = {},
    -- Diagnostic codes to turn off in this editor, e.g. { 'latest-tag' }.
    checks = { disabled = {} },
    -- The cluster's Kubernetes version (`dsls --version` lists the supported ones). Default:
    -- kubernetesVersion in .dsls/config.yaml, else the newest. e.g. kubernetesVersion = '1.31',
    trace = { server = 'off' },
  },
}

-- The placement window: per DaemonSet its lens line, then the preview exactly as `dsls preview`
-- prints it (the server sends it as `text`).
local function placement_lines(result)
  local lines = {}
  for _, ds in ipairs((result or {}).daemonSets or {}) do
    table.insert(lines, string.format('%s/%s: %s', ds.namespace or 'default', ds.name, ds.summary or ''))
  end
  if #lines == 0 then
    return { 'dsls: no DaemonSet here (or no node inventory: see the dsls.inventory setting)' }
  end
  table.insert(lines, '')
  local text = (result.text or 'dsls: this server sends no preview text; update dsls'):gsub('\n+$', '')
  return vim.list_extend(lines, vim.split(text, '\n', { plain = true }))
end

-- The fleet buffer: the table exactly as `dsls fleet` prints it (the server sends it as `text`).
local function fleet_lines(result)
  local text = ((result or {}).text or 'dsls: this server sends no fleet text; update dsls'):gsub('\n+$', '')
  return vim.split(text, '\n', { plain = true })
end

-- Shows lines in the scratch buffer of this name, made once and then reused (not a file, never asks
-- to be saved), in a window across the bottom as tall as the lines, up to half the screen; `q` closes it.
local function show_scratch(name, lines)
  local bufnr
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_get_name(b) == name then bufnr = b end
  end
  if not bufnr then
    bufnr = vim.api.nvim_create_buf(false, true) -- unlisted, buftype=nofile, bufhidden=hide, no swap file
    vim.api.nvim_buf_set_name(bufnr, name)
    vim.keymap.set('n', 'q', '<cmd>close<cr>', { buffer = bufnr, desc = 'dsls: close this window' })
  end
  vim.bo[bufnr].modifiable = true
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, lines)
  vim.bo[bufnr].modifiable = false
  local win = vim.fn.bufwinid(bufnr)
  if win == -1 then
    vim.cmd('botright split') -- the whole width: the table's columns are as wide as its longest names
    win = vim.api.nvim_get_current_win()
    vim.api.nvim_win_set_buf(win, bufnr)
  end
  vim.api.nvim_set_current_win(win)
  vim.wo[win].wrap = false -- the columns stay aligned; zl and zh scroll sideways
  vim.api.nvim_win_set_height(win, math.max(1, math.min(#lines, math.floor(vim.o.lines / 2))))
end

-- An error and a hint on the same line: the sign and the virtual text show the error.
vim.diagnostic.config({ severity_sort = true })

-- Code lenses on a line of their own above each DaemonSet (the server puts them on `kind:`).
-- Neovim draws every server's lenses as text at the end of the line, after the diagnostics' virtual
-- text, where they run off screen; dsls's lenses get virtual lines instead (other servers keep the
-- default). Neovim shows no virtual line above the first line of a buffer unless scrolled, so there
-- the lens goes below it.
local codelens = vim.lsp.codelens
if not codelens.enable then -- 0.12+ keeps and draws lenses its own way: leave it be
  codelens._dsls_default_display = codelens._dsls_default_display or codelens.display -- once, if sourced again
  codelens.display = function(lenses, bufnr, client_id)
    local client = vim.lsp.get_client_by_id(client_id)
    if not client or client.name ~= 'dsls' then
      return codelens._dsls_default_display(lenses, bufnr, client_id)
    end
    if not vim.api.nvim_buf_is_valid(bufnr) then return end -- wiped while the server answered
    local ns = vim.api.nvim_create_namespace('vim_lsp_codelens:' .. client_id) -- the one Neovim uses
    vim.api.nvim_buf_clear_namespace(bufnr, ns, 0, -1)
    local titles, line_count = {}, vim.api.nvim_buf_line_count(bufnr)
    for _, lens in ipairs(lenses or {}) do
      local line = lens.range.start.line
      if line < line_count then
        titles[line] = titles[line] or {}
        table.insert(titles[line], lens.command and lens.command.title or 'Unresolved lens ...')
      end
    end
    for line, texts in pairs(titles) do
      local indent = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]:match('^%s*')
      vim.api.nvim_buf_set_extmark(bufnr, ns, line, 0, {
        virt_lines = { { { indent .. table.concat(texts, ' | '), 'LspCodeLens' } } },
        virt_lines_above = line > 0,
      })
    end
  end
end

---@type vim.lsp.Config
return {
  cmd = cmd,
  filetypes = { 'yaml' },
  -- The nearest directory with `.dsls` (it holds the node inventory) wins over the nearest `.git`.
  root_markers = { '.dsls', '.git' },
  settings = settings,
  init_options = { settings = settings },
  before_init = function(params, config)
    -- Send the settings as merged by vim.lsp.config() overrides, not the defaults above, so the
    -- server reads the right inventory from its first answer on.
    params.initializationOptions = { settings = config.settings }
  end,
  on_attach = function(client, bufnr)
    vim.api.nvim_buf_create_user_command(bufnr, 'DslsPlacement', function()
      local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
      client:exec_cmd({
        title = 'Show placement',
        command = 'dsls.showPlacement',
        arguments = { params.textDocument.uri, params.position },
      }, { bufnr = bufnr }, function(err, result)
        if err then
          vim.notify('dsls.showPlacement: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
          return
        end
        vim.lsp.util.open_floating_preview(placement_lines(result), 'text',
          { border = 'rounded', focus_id = 'dsls-placement' })
      end)
    end, { desc = 'dsls: where the DaemonSet under the cursor runs' })
    -- :DslsFleet — dsls/fleet for this buffer's workspace folder, in a scratch buffer (the table is
    -- wide and long, and stays open while you move around in it).
    vim.api.nvim_buf_create_user_command(bufnr, 'DslsFleet', function()
      client:request('dsls/fleet', { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, function(err, result)
        if err then
          vim.notify('dsls/fleet: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
          return
        end
        show_scratch('dsls://fleet', fleet_lines(result))
      end, bufnr)
    end, { desc = 'dsls: all DaemonSets of the workspace, per node pool' })
    if vim.lsp.codelens.enable then -- Neovim versions that keep lenses up to date by themselves
      vim.lsp.codelens.enable(true, { bufnr = bufnr })
      return
    end
    -- 0.11 only shows lenses once asked for: refresh when entering the buffer, pausing, leaving
    -- insert mode (the lens follows the text you just typed), when the server publishes diagnostics
    -- (it does after (re)loading the node inventory, which changes the placement), and now.
    vim.api.nvim_create_autocmd({ 'BufEnter', 'CursorHold', 'InsertLeave', 'DiagnosticChanged' }, {
      group = vim.api.nvim_create_augroup('dsls_codelens_' .. bufnr, { clear = true }),
      buffer = bufnr,
      callback = function() vim.lsp.codelens.refresh({ bufnr = bufnr }) end,
    })
    vim.lsp.codelens.refresh({ bufnr = bufnr })
  end,
}
