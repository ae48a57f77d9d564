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
--     InsertLeave (the placement lens "runs on 2 of 3 nodes · excluded: …"), and shown on a line of
--     their own above each DaemonSet instead of after the line's diagnostics, where they run off screen;
--   * 0.7's omnifunc cannot insert a completion of several lines (it becomes one line with NUL bytes):
--     this file's omnifunc puts the first line in the menu and the rest in on accepting it, and
--     :DslsSkeleton fills an empty buffer with the server's DaemonSet skeleton;
--   * :DslsPlacement shows on which nodes the DaemonSet under the cursor runs and why others are
--     excluded (`workspace/executeCommand dsls.showPlacement`, as `dsls preview` prints it), in a
--     floating window;
--   * :DslsFleet shows every DaemonSet of the buffer's workspace previewed together, per node pool
--     (`dsls/fleet`, as `dsls fleet` prints it), in a scratch buffer;
--   * signs and virtual text show the most severe diagnostic of a line (severity_sort).

-- Settings, sent as `settings.dsls`. All are optional.
local settings = {
  dsls = {
    -- Inventory files (paths or globs, relative to the workspace root). Default: .dsls/inventory.yaml
    -- or .dsls/inventory.json in the root. e.g. inventory = { 'clusters/prod-nodes.yaml' },
    inventory = {},
    -- Diagnostic codes to turn off in this editor, e.g. { 'latest-tag' }.
    checks = { disabled = {} },
    -- The cluster's Kubernetes version (`dsls --version` lists the supported ones). Default:
    -- kubernetesVersion in .dsls/config.yaml, else the newest. e.g. kubernetesVersion = '1.31',
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
local M = {} -- what require('dsls') returns: the functions below, for key mappings of your own

-- An error and a hint on the same line: the sign and the virtual text show the error.
vim.diagnostic.config({ severity_sort = true })

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

local function dsls_client(bufnr)
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do -- initialised clients attached to bufnr
    if c.name == 'dsls' then return c end
  end
end

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

-- Code lenses on a line of their own above each DaemonSet (the server puts them on `kind:`). 0.7
-- draws every server's lenses as text at the end of the line, after the diagnostics' virtual text,
-- where they run off screen; dsls's lenses get virtual lines instead (other servers keep the
-- default). Neovim shows no virtual line above the first line of a buffer unless scrolled, so there
-- the lens goes below it.
local codelens = vim.lsp.codelens
codelens._dsls_default_display = codelens._dsls_default_display or codelens.display -- once, if sourced again
codelens.display = function(lenses, bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  if not client or client.name ~= 'dsls' then
    return codelens._dsls_default_display(lenses, bufnr, client_id)
  end
  if not vim.api.nvim_buf_is_valid(bufnr) then return end -- wiped while the server answered
  local ns = vim.api.nvim_create_namespace('vim_lsp_codelens:' .. client_id) -- the one 0.7 uses
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

-- :DslsPlacement — asks the server of this buffer for the placement of the DaemonSet under the cursor.
function M.show_placement()
  local bufnr = vim.api.nvim_get_current_buf()
  local client = dsls_client(bufnr)
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

-- :DslsFleet — every DaemonSet of this buffer's workspace folder previewed together (`dsls/fleet`):
-- per node pool what the daemon pods request and what they leave, which pods stay Pending and whose
-- pods took the room, the preemptions and the Node templates. A scratch buffer rather than a float:
-- the table is wide and long, and stays open while you move around in it.
function M.show_fleet()
  local bufnr = vim.api.nvim_get_current_buf()
  local client = dsls_client(bufnr)
  if not client then
    vim.notify('dsls: no running server for this buffer', vim.log.levels.WARN)
    return
  end
  client.request('dsls/fleet', { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, function(err, result)
    if err then
      vim.notify('dsls/fleet: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    show_scratch('dsls://fleet', fleet_lines(result))
  end, bufnr)
end

-- The text a completion item inserts.
local function item_text(item)
  return (item.textEdit and item.textEdit.newText) or item.insertText or item.label
end

-- :DslsSkeleton — fills an empty buffer with the DaemonSet skeleton the server offers there (the
-- completion item "DaemonSet skeleton"), applied as the server's text edit.
function M.insert_skeleton()
  local bufnr = vim.api.nvim_get_current_buf()
  local client = dsls_client(bufnr)
  if not client then
    vim.notify('dsls: no running server for this buffer', vim.log.levels.WARN)
    return
  end
  if table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), ''):match('%S') then
    vim.notify('dsls: the DaemonSet skeleton is for an empty buffer', vim.log.levels.WARN)
    return
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 0, character = 0 } }
  client.request('textDocument/completion', params, function(err, result)
    for _, item in ipairs(not err and vim.lsp.util.extract_completion_items(result or {}) or {}) do
      if item.label == 'DaemonSet skeleton' then
        local edit = item.textEdit or { range = { start = params.position, ['end'] = params.position }, newText = item_text(item) }
        vim.lsp.util.apply_text_edits({ edit }, bufnr, client.offset_encoding)
        if vim.api.nvim_buf_get_lines(bufnr, -2, -1, false)[1] == '' then -- the line that was the empty buffer
          vim.api.nvim_buf_set_lines(bufnr, -2, -1, false, {})
        end
        return
      end
    end
    vim.notify('dsls: the server offered no DaemonSet skeleton' .. (err and (': ' .. (err.message or '')) or ''),
      vim.log.levels.WARN)
  end, bufnr)
end

-- 0.7's vim.lsp.omnifunc, except for items of several lines ("metadata:" and the indented line
-- below it, the skeleton): <C-x><C-o> cannot insert those (a NUL byte stands in for each line
-- break), so the menu inserts their first line and M.complete_done the rest once one is accepted.
function M.omnifunc(findstart, base)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = dsls_client(bufnr)
  if not client then
    return findstart == 1 and -1 or {}
  end
  local pos = vim.api.nvim_win_get_cursor(0)
  local line = vim.api.nvim_get_current_line()
  local params = vim.lsp.util.make_position_params()
  client.request('textDocument/completion', params, function(err, result)
    if err or not result or vim.fn.mode() ~= 'i' then return end
    -- Replace from where the server's edits start (the same for all of dsls's items), else from
    -- the start of the word before the cursor.
    local start = vim.fn.match(line:sub(1, pos[2]), '\\k*$')
    local first = vim.lsp.util.extract_completion_items(result)[1]
    if first and first.textEdit and first.textEdit.range and first.textEdit.range.start.line == pos[1] - 1 then
      start = vim.str_byteindex(line, first.textEdit.range.start.character, true)
    end
    local matches = vim.lsp.util.text_document_completion_list_to_complete_items(result, line:sub(start + 1, pos[2]))
    for _, match in ipairs(matches) do
      match.word = vim.split(match.word, '\n', { plain = true })[1]
    end
    vim.fn.complete(start + 1, matches)
  end, bufnr)
  return -2 -- the items come from the callback above
end

-- On accepting an item of several lines: replace the first line the menu inserted with all of them.
function M.complete_done(completed)
  local data = type(completed.user_data) == 'table' and completed.user_data.nvim
  local item = data and data.lsp and data.lsp.completion_item
  local text = item and item_text(item)
  if not text or not text:find('\n') then return end
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = vim.api.nvim_get_current_line()
  local start = col - #completed.word
  if start < 0 or line:sub(start + 1, col) ~= completed.word then return end
  local before, after = line:sub(1, start), line:sub(col + 1)
  local lines = vim.split(text, '\n', { plain = true })
  if lines[#lines] == '' and after == '' and #lines > 1 then table.remove(lines) end -- the final newline
  local last = lines[#lines]
  lines[1] = before .. lines[1]
  lines[#lines] = lines[#lines] .. after
  vim.api.nvim_buf_set_lines(0, row - 1, row, false, lines)
  vim.api.nvim_win_set_cursor(0, { row + #lines - 1, (#lines == 1 and #before or 0) + #last })
end

local function on_attach(client, bufnr)
  vim.api.nvim_buf_set_option(bufnr, 'omnifunc', "v:lua.require'dsls'.omnifunc") -- <C-x><C-o> completes
  vim.api.nvim_create_autocmd('CompleteDone', {
    group = vim.api.nvim_create_augroup('dsls_complete_' .. bufnr, { clear = true }),
    buffer = bufnr,
    callback = function() M.complete_done(vim.v.completed_item) end,
  })
  vim.keymap.set('n', 'K', vim.lsp.buf.hover, { buffer = bufnr, desc = 'dsls: hover' })
  vim.api.nvim_buf_create_user_command(bufnr, 'DslsPlacement', M.show_placement,
    { desc = 'dsls: where the DaemonSet under the cursor runs' })
  vim.api.nvim_buf_create_user_command(bufnr, 'DslsFleet', M.show_fleet,
    { desc = 'dsls: all DaemonSets of the workspace, per node pool' })
  vim.api.nvim_buf_create_user_command(bufnr, 'DslsSkeleton', M.insert_skeleton,
    { desc = 'dsls: fill this empty buffer with a DaemonSet skeleton' })
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

-- require('dsls') returns M also when this file is run with -u or :luafile instead of required.
package.loaded.dsls = M
return M
