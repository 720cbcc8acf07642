--- :checkhealth vpc (also :VpcInfo)
local M = {}

local health = vim.health

local function run(cmd)
  local ok, obj = pcall(function()
    return vim.system(cmd, { text = true }):wait(5000)
  end)
  if not ok then
    return nil, tostring(obj)
  end
  return obj
end

function M.check()
  local vpc = require('vpc')

  health.start('vpc: Neovim')
  if vim.fn.has('nvim-0.11') == 1 then
    local v = vim.version()
    health.ok(('Neovim %d.%d.%d'):format(v.major, v.minor, v.patch))
  else
    health.error('Neovim 0.11 or newer is needed (vim.lsp.config, vim.lsp.enable)')
    return
  end
  if vim.filetype.match({ filename = 'x.vpc' }) == 'vpc' then
    health.ok('*.vpc files have the filetype `vpc`')
  else
    health.error('*.vpc files are not detected as `vpc`: is editors/nvim on the runtimepath (plugin/vpc.lua)?')
  end

  health.start('vpc: language server')
  local opts = vpc.options
  if not opts then
    health.warn('require("vpc").setup() has not been called: the server is not configured', {
      'Call require("vpc").setup({}) in your config (lazy.nvim: `opts = {}`).',
    })
    opts = vpc.defaults
  else
    health.ok('setup() done')
  end
  local config = vpc.lsp_config(opts)
  local cmd = config.cmd
  if type(cmd) ~= 'table' or type(cmd[1]) ~= 'string' then
    health.info('cmd is a function: not checked')
  else
    local exe = vim.fn.exepath(cmd[1])
    if exe == '' then
      health.error(('`%s` not found (cmd = %s)'):format(cmd[1], vim.inspect(cmd)), {
        'Install it: `cargo install --locked --path crates/vpc-cli` in a clone of https://github.com/vpc-lang/vpc',
        "or point the plugin at it: require('vpc').setup({ cmd = { '/path/to/vpc', 'lsp' } })",
      })
    else
      local out = run({ exe, '--version' })
      if out and out.code == 0 then
        health.ok(('`%s`: %s'):format(exe, vim.trim(out.stdout)))
      else
        health.warn(('`%s --version` failed: %s'):format(exe, out and vim.trim(out.stderr or '') or '?'))
      end
      local help = run({ exe, 'help', 'lsp' })
      if help and help.code == 0 then
        health.ok('it has the `lsp` command')
      else
        health.error(('`%s help lsp` failed: this binary has no language server'):format(exe))
      end
    end
  end
  health.info(('cmd: %s; root markers: %s; init_options: %s'):format(
    vim.inspect(cmd), table.concat(config.root_markers or {}, ', '), vim.inspect(config.init_options)))
  if opts ~= vpc.defaults then
    if vpc.is_enabled() then
      health.ok('vim.lsp.enable("vpc") is on')
    else
      health.warn('the config `vpc` is not enabled: call vim.lsp.enable("vpc")')
    end
  end
  local clients = vim.lsp.get_clients({ name = 'vpc' })
  if #clients == 0 then
    health.info('no vpc client running (one starts when a .vpc buffer opens)')
  end
  for _, c in ipairs(clients) do
    local bufs = vim.tbl_keys(c.attached_buffers or {})
    health.ok(('client %d: root %s, %s, %d buffer(s), %s'):format(
      c.id, tostring(c.root_dir), c.offset_encoding, #bufs, c:is_stopped() and 'stopped' or 'running'))
  end

  health.start('vpc: tree-sitter (optional)')
  local ts = vpc.treesitter_state or {}
  if ts.error then
    health.error(ts.error)
  end
  if ts.parser then
    health.ok('parser: ' .. ts.parser)
    if ts.queries then
      health.ok('queries: ' .. ts.queries)
    else
      health.warn('no queries found (queries/vpc/ on the runtimepath or grammar/tree-sitter-vpc/queries)')
    end
    local ok, q = pcall(vim.treesitter.query.get, 'vpc', 'highlights')
    if ok and q then
      health.ok(('highlights query: %d captures'):format(#q.captures))
    else
      health.error('the highlights query does not load: ' .. tostring(q))
    end
  elseif not ts.error then
    health.info('no parser: highlighting comes from the language server (semantic tokens); '
      .. 'build one with editors/nvim/scripts/build-parser.sh (needs a C compiler)')
  end
end

return M
