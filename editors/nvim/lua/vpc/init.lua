--- vpc for Neovim 0.11+: the language server `vpc lsp` for .vpc files, and the
--- tree-sitter parser and queries when they are built.
---
---   require('vpc').setup({
---     cmd = { 'vpc', 'lsp' },          -- the server command
---     diagnostic_delay_ms = 150,       -- initializationOptions.diagnosticDelayMs
---   })
---
--- See editors/nvim/README.md for every option.
local M = {}

--- The directory of this plugin (editors/nvim in the repository).
M.plugin_dir = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h')

---@class vpc.Options
M.defaults = {
  --- The server command: a list, e.g. `{ '/path/to/vpc', 'lsp' }`.
  cmd = { 'vpc', 'lsp' },
  --- Milliseconds the server waits after the last change before it publishes
  --- diagnostics (`initializationOptions.diagnosticDelayMs`); nil = the server's 150.
  diagnostic_delay_ms = nil,
  --- More `initializationOptions` (merged; diagnostic_delay_ms wins).
  init_options = {},
  --- Workspace settings sent to the server (`settings` of vim.lsp.config).
  settings = {},
  filetypes = { 'vpc' },
  root_markers = { 'vpc.toml', '.git' },
  --- Passed to vim.lsp.config as they are.
  on_attach = nil,
  capabilities = nil,
  --- Anything else for vim.lsp.config('vpc', …) (merged last).
  lsp = {},
  --- Call vim.lsp.enable('vpc'). false: only configure, enable it yourself.
  enable = true,
  treesitter = {
    --- Register the parser when one is available.
    enable = true,
    --- A compiled parser (vpc.so); nil = `parser/vpc.so` on 'runtimepath' (what
    --- `editors/nvim/scripts/build-parser.sh` makes).
    parser = nil,
    --- A folder of queries (highlights.scm, folds.scm, …) used when no
    --- `queries/vpc/` is on 'runtimepath'; nil = grammar/tree-sitter-vpc/queries of the
    --- repository this plugin is part of.
    queries = nil,
    --- Start tree-sitter highlighting in .vpc buffers.
    highlight = true,
    --- Fold with the parser's folds.scm ('foldmethod' expr) in .vpc buffers.
    fold = false,
  },
}

---@type vpc.Options?
M.options = nil

--- What the tree-sitter set-up did, for :checkhealth vpc.
M.treesitter_state = { parser = nil, queries = nil, error = nil }

local function grammar_queries_dir()
  return vim.fs.normalize(M.plugin_dir .. '/../../grammar/tree-sitter-vpc/queries')
end

--- Registers the tree-sitter parser and, when 'runtimepath' has no queries/vpc/, the
--- queries of the grammar folder. Returns true when the parser is usable.
local function setup_treesitter(ts)
  M.treesitter_state = { parser = nil, queries = nil, error = nil }
  if not ts.enable then
    return false
  end
  local path = ts.parser and vim.fs.normalize(vim.fn.fnamemodify(ts.parser, ':p'))
    or vim.api.nvim_get_runtime_file('parser/vpc.*', false)[1]
  if not path then
    return false
  end
  local ok, loaded, err = pcall(vim.treesitter.language.add, 'vpc', { path = path })
  if not ok or not loaded then
    M.treesitter_state.error = ('cannot load the parser %s: %s'):format(path, tostring(ok and err or loaded))
    return false
  end
  M.treesitter_state.parser = path

  if #vim.api.nvim_get_runtime_file('queries/vpc/highlights.scm', false) > 0 then
    M.treesitter_state.queries = 'runtimepath'
  else
    local dir = ts.queries or grammar_queries_dir()
    local files = vim.fn.glob(dir .. '/*.scm', true, true)
    for _, file in ipairs(files) do
      local name = vim.fn.fnamemodify(file, ':t:r')
      local text = table.concat(vim.fn.readfile(file), '\n')
      local ok, err = pcall(vim.treesitter.query.set, 'vpc', name, text)
      if ok then
        -- query.set parses lazily: parse now, so errors show up here and in :checkhealth.
        ok, err = pcall(vim.treesitter.query.get, 'vpc', name)
      end
      if not ok then
        M.treesitter_state.error = ('query %s: %s'):format(file, tostring(err))
      end
    end
    M.treesitter_state.queries = #files > 0 and dir or nil
  end
  return true
end

local function start_treesitter(bufnr, ts)
  if ts.highlight then
    pcall(vim.treesitter.start, bufnr, 'vpc')
  end
  if ts.fold then
    for _, win in ipairs(vim.fn.win_findbuf(bufnr)) do
      vim.wo[win][0].foldmethod = 'expr'
      vim.wo[win][0].foldexpr = 'v:lua.vim.treesitter.foldexpr()'
    end
  end
end

--- The configuration given to vim.lsp.config('vpc', …).
function M.lsp_config(opts)
  opts = opts or M.options or M.defaults
  local init_options = vim.deepcopy(opts.init_options or {})
  if opts.diagnostic_delay_ms ~= nil then
    init_options.diagnosticDelayMs = opts.diagnostic_delay_ms
  end
  local cmd = opts.cmd
  if type(cmd) == 'string' then
    cmd = { cmd, 'lsp' }
  end
  local config = {
    cmd = cmd,
    filetypes = opts.filetypes,
    root_markers = opts.root_markers,
    init_options = init_options,
    settings = opts.settings,
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
  return vim.tbl_deep_extend('force', config, opts.lsp or {})
end

---@param opts vpc.Options?
function M.setup(opts)
  if vim.fn.has('nvim-0.11') == 0 then
    vim.notify('vpc: needs Neovim 0.11 or newer (vim.lsp.config)', vim.log.levels.ERROR)
    return
  end
  M.options = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), opts or {})
  -- A list given by the user replaces the default list, not merged index by index.
  for _, key in ipairs({ 'cmd', 'filetypes', 'root_markers' }) do
    if opts and opts[key] ~= nil then
      M.options[key] = opts[key]
    end
  end
  vim.filetype.add({ extension = { vpc = 'vpc' } })

  vim.lsp.config('vpc', M.lsp_config(M.options))
  if M.options.enable then
    vim.lsp.enable('vpc')
  end

  local group = vim.api.nvim_create_augroup('vpc.treesitter', { clear = true })
  if setup_treesitter(M.options.treesitter) then
    local ts = M.options.treesitter
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = 'vpc',
      callback = function(args)
        start_treesitter(args.buf, ts)
      end,
    })
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == 'vpc' then
        start_treesitter(buf, ts)
      end
    end
  end
end

--- Whether vim.lsp.enable('vpc') is on (vim.lsp.is_enabled is newer than 0.11.0).
function M.is_enabled()
  if vim.lsp.is_enabled then
    return vim.lsp.is_enabled('vpc')
  end
  return vim.lsp._enabled_configs ~= nil and vim.lsp._enabled_configs.vpc ~= nil
end

--- Stops the vpc clients and starts them again for the open .vpc buffers.
function M.restart()
  local clients = vim.lsp.get_clients({ name = 'vpc' })
  for _, client in ipairs(clients) do
    client:stop()
  end
  local waited = 0
  local function again()
    local running = vim.tbl_filter(function(c)
      return not c:is_stopped()
    end, clients)
    if #running > 0 and waited < 3000 then
      waited = waited + 50
      if waited == 2000 then
        for _, c in ipairs(running) do
          c:stop(true)
        end
      end
      vim.defer_fn(again, 50)
      return
    end
    if M.is_enabled() then
      -- Re-runs the FileType handler of vim.lsp.enable for every buffer.
      vim.lsp.enable('vpc')
    end
  end
  again()
end

return M
