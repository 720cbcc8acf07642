-- Test of the Neovim plugin (editors/nvim), headless, with nothing else loaded:
--
--   VPC_BIN=/path/to/vpc [VPC_TS_PARSER=/tmp/x/vpc.so] \
--     nvim --headless -u NONE -i NONE -n -l editors/nvim/test/test.lua
--
-- The plugin is put on 'runtimepath' and its plugin/ files are sourced, as a plugin
-- manager would; the server starts through require('vpc').setup() alone. With
-- VPC_TS_PARSER, the tree-sitter parser is registered from that file (queries from
-- grammar/tree-sitter-vpc/queries); with VPC_TS_RTP, from parser/vpc.so and
-- queries/vpc/ of that folder on 'runtimepath'; then parsed against the examples. Prints one line per check, then PASS or FAIL; exits 1 on failure.

local bin = os.getenv('VPC_BIN')
local ts_parser = os.getenv('VPC_TS_PARSER')
if ts_parser == '' then
  ts_parser = nil
end
-- Or VPC_TS_RTP: a folder made by scripts/build-parser.sh, put on 'runtimepath'.
local ts_rtp = os.getenv('VPC_TS_RTP')
if ts_rtp == '' then
  ts_rtp = nil
end
local ts_expected = ts_parser or (ts_rtp and ts_rtp .. '/parser/vpc.so')

local script = debug.getinfo(1, 'S').source:sub(2)
local plugin = vim.fn.fnamemodify(script, ':p:h:h')
local repo = vim.fn.fnamemodify(plugin, ':h:h')
local examples = repo .. '/examples'
local h = dofile(repo .. '/tests/nvim/harness.lua')
local out, check, wait, eq, read, write, find, results =
  h.out, h.check, h.wait, h.eq, h.read, h.write, h.find, h.results

if not bin or bin == '' then
  out('Set VPC_BIN to the vpc binary')
  os.exit(2)
end

-- Only this plugin: -u NONE loaded nothing; do what a plugin manager does.
vim.opt.runtimepath:prepend(plugin)
if ts_rtp then
  vim.opt.runtimepath:append(ts_rtp)
end
vim.o.swapfile = false
vim.cmd('filetype plugin on')
vim.cmd('runtime! plugin/vpc.lua')


--- The vpc client attached to `bufnr`, once there is one.
local function client_of(bufnr)
  local clients
  wait('the vpc client to attach', function()
    clients = vim.lsp.get_clients({ bufnr = bufnr, name = 'vpc' })
    return #clients > 0 and clients[1].initialized
  end)
  eq(#clients, 1, 'vpc clients attached')
  return clients[1]
end

--- The lines of `:checkhealth vpc`.
local function health()
  vim.cmd('silent checkhealth vpc')
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  if os.getenv('VPC_TEST_VERBOSE') then
    out(table.concat(lines, '\n'))
  end
  vim.cmd('bwipeout!')
  return table.concat(lines, '\n')
end

-- A scratch project: a vpc.toml (a root marker) and copies of the examples.
local dir = vim.fn.resolve(vim.fn.tempname())
vim.fn.mkdir(dir .. '/sub', 'p')
write(dir .. '/vpc.toml', '[lints]\n')
for _, name in ipairs({ 'wedding.vpc', 'flawed.vpc' }) do
  write(dir .. '/sub/' .. name, read(examples .. '/' .. name))
end

-- ---------------------------------------------------------------------------

check('plugin/: filetype detection and the commands :VpcInfo, :VpcRestart', function()
  eq(vim.filetype.match({ filename = 'a/b.vpc' }), 'vpc', 'filetype of *.vpc')
  eq(vim.fn.exists(':VpcInfo'), 2, ':VpcInfo')
  eq(vim.fn.exists(':VpcRestart'), 2, ':VpcRestart')
end)

check('setup(): configures and enables the server with vim.lsp.config/enable', function()
  require('vpc').setup({
    cmd = { bin, 'lsp' },
    diagnostic_delay_ms = 0,
    treesitter = { parser = ts_parser },
  })
  assert(require('vpc').is_enabled(), 'vpc not enabled')
  local config = vim.lsp.config.vpc
  eq(config.cmd, { bin, 'lsp' }, 'cmd')
  eq(config.filetypes, { 'vpc' }, 'filetypes')
  eq(config.root_markers, { 'vpc.toml', '.git' }, 'root markers')
  eq(config.init_options, { diagnosticDelayMs = 0 }, 'init_options')
end)

vim.cmd.edit(dir .. '/sub/flawed.vpc')
local flawed = vim.api.nvim_get_current_buf()

check('flawed.vpc: filetype vpc, ftplugin settings', function()
  eq(vim.bo[flawed].filetype, 'vpc', 'filetype')
  eq(vim.bo[flawed].commentstring, '// %s', 'commentstring')
  assert(vim.bo[flawed].iskeyword:find('-', 1, true), 'iskeyword has -')
end)

check('the server attaches through setup(), rooted at vpc.toml', function()
  local client = client_of(flawed)
  eq(client.name, 'vpc', 'name')
  eq(client.root_dir, dir, 'root_dir (the folder of vpc.toml)')
  eq(client.config.init_options, { diagnosticDelayMs = 0 }, 'init_options sent')
end)

check('diagnostics of flawed.vpc, with codes', function()
  wait('diagnostics', function()
    return #vim.diagnostic.get(flawed) > 0
  end)
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(flawed)) do
    codes[d.code] = true
    eq(d.source, 'vpc', 'source')
  end
  for _, code in ipairs({ 'unknown-reference', 'duplicate-id', 'unrelieved-pain', 'missing-section', 'invalid-value' }) do
    assert(codes[code], 'no ' .. code .. ' in ' .. vim.inspect(vim.tbl_keys(codes)))
  end
end)

vim.cmd.edit(dir .. '/sub/wedding.vpc')
local wedding = vim.api.nvim_get_current_buf()

check('a clean example: attached to the same client, no errors', function()
  local client = client_of(wedding)
  eq(client.id, client_of(flawed).id, 'one client for the project')
  -- The server publishes for every open document; wait for wedding.vpc's.
  local published = false
  local orig = client.handlers['textDocument/publishDiagnostics'] or vim.lsp.handlers['textDocument/publishDiagnostics']
  -- Any diagnostics already there (the server may have published before this check).
  published = #vim.diagnostic.get(wedding) > 0
  if not published then
    -- Ask for them: an edit and its undo make the server publish again.
    client.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx)
      if result and vim.uri_to_bufnr(result.uri) == wedding then
        published = true
      end
      return orig(err, result, ctx)
    end
    vim.api.nvim_buf_set_lines(wedding, 0, 0, false, { '// touched' })
    wait('diagnostics of wedding.vpc', function()
      return published
    end)
    client.handlers['textDocument/publishDiagnostics'] = nil
  end
  local errors = vim.diagnostic.get(wedding, { severity = vim.diagnostic.severity.ERROR })
  eq(#errors, 0, 'errors in wedding.vpc')
end)

check('hover: a pain, with its text and rank', function()
  local line, col = find(wedding, 'pain no-time', 'no-time')
  local params = { textDocument = { uri = vim.uri_from_bufnr(wedding) }, position = { line = line, character = col } }
  local responses = vim.lsp.buf_request_sync(wedding, 'textDocument/hover', params, h.TIMEOUT)
  local _, response = next(responses or {})
  assert(response and response.result, 'no hover: ' .. vim.inspect(responses))
  local text = response.result.contents.value or vim.inspect(response.result.contents)
  assert(text:find('Might not have time', 1, true), text)
  assert(text:find('severe', 1, true), text)
end)

check('formatting: vim.lsp.buf.format is `vpc fmt`', function()
  vim.cmd.edit(dir .. '/sub/messy.vpc')
  local messy = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(messy, 0, -1, false, {
    'canvas c "C" { segment s "S" {',
    'job a "A" {importance:high,kind:functional}}}',
  })
  client_of(messy)
  vim.lsp.buf.format({ bufnr = messy, async = false, timeout_ms = h.TIMEOUT })
  eq(vim.api.nvim_buf_get_lines(messy, 0, -1, false), {
    'canvas c "C" {',
    '  segment s "S" {',
    '    job a "A" { kind: functional, importance: high }',
    '  }',
    '}',
  }, 'formatted')
end)

check(':VpcRestart: a new server, attached again', function()
  local old = client_of(flawed)
  vim.cmd('VpcRestart')
  wait('the old client to stop', function()
    return old:is_stopped()
  end)
  wait('a new client', function()
    local c = vim.lsp.get_clients({ bufnr = flawed, name = 'vpc' })[1]
    return c and c.id ~= old.id and c.initialized
  end)
  wait('diagnostics from the new server', function()
    return #vim.diagnostic.get(flawed) > 0
  end)
end)

check(':checkhealth vpc: binary, server and client OK, no error', function()
  local text = health()
  assert(text:find('vpc: language server', 1, true), text)
  assert(text:find('it has the `lsp` command', 1, true), text)
  assert(text:find('client %d+: root ' .. vim.pesc(dir)), text)
  assert(not text:find('ERROR', 1, true), 'an ERROR in:\n' .. text)
  if ts_expected then
    assert(text:find('parser: ' .. ts_expected, 1, true), text)
    assert(text:find('highlights query: %d+ captures'), text)
  end
end)

if ts_expected then
  check('tree-sitter: the parser is registered and parses the examples without error nodes', function()
    local state = require('vpc').treesitter_state
    eq(state.parser, ts_expected, 'parser registered')
    eq(state.error, nil, 'tree-sitter set-up error')
    if ts_rtp then
      eq(state.queries, 'runtimepath', 'queries from')
    else
      eq(state.queries, vim.fs.normalize(repo .. '/grammar/tree-sitter-vpc/queries'), 'queries from')
    end
    for _, name in ipairs(vim.fn.readdir(examples)) do
      if name:match('%.vpc$') and name ~= 'flawed.vpc' then
        vim.cmd.edit(examples .. '/' .. name)
        local buf = vim.api.nvim_get_current_buf()
        local tree = vim.treesitter.get_parser(buf, 'vpc'):parse()[1]
        local root = tree:root()
        eq(root:type(), 'source_file', 'root of ' .. name)
        assert(not root:has_error(), name .. ' has error nodes: ' .. root:sexpr():sub(1, 400))
        vim.cmd('bwipeout')
      end
    end
    -- And a broken file does have one (so the check above can fail).
    local broken = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_lines(broken, 0, -1, false, { 'canvas c "C" {', '  segment s "S" {', '    job a "A" { importance: ]' })
    local root = vim.treesitter.get_parser(broken, 'vpc'):parse()[1]:root()
    assert(root:has_error(), 'no error node in a broken file: ' .. root:sexpr())
  end)

  check('tree-sitter: percentages are one number each; when and aspect are attributes', function()
    local buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, {
      'canvas c "C" {',
      '  segment s "S" {',
      '    outcome o "O" { importance: 85%, satisfaction: 8.5% }',
      '    pain p "P" { when: before, aspect: financial }',
      '  }',
      '}',
    })
    local root = vim.treesitter.get_parser(buf, 'vpc'):parse()[1]:root()
    assert(not root:has_error(), 'error nodes: ' .. root:sexpr())
    local query = vim.treesitter.query.get('vpc', 'highlights')
    local numbers, constants = {}, {}
    for id, node in query:iter_captures(root, buf, 0, -1) do
      local text = vim.treesitter.get_node_text(node, buf)
      if query.captures[id] == 'number' then
        table.insert(numbers, text)
      elseif query.captures[id] == 'constant' then
        table.insert(constants, text)
      end
    end
    eq(numbers, { '85%', '8.5%' }, '@number captures')
    eq(constants, { 'before', 'financial' }, '@constant captures')
  end)

  check('tree-sitter: the highlights query loads, yields captures, highlighting is on', function()
    vim.cmd.edit(dir .. '/sub/wedding.vpc')
    local buf = vim.api.nvim_get_current_buf()
    local query = vim.treesitter.query.get('vpc', 'highlights')
    assert(query, 'no highlights query')
    local root = vim.treesitter.get_parser(buf, 'vpc'):parse()[1]:root()
    local seen = {}
    local count = 0
    for id, node in query:iter_captures(root, buf, 0, -1) do
      seen[query.captures[id]] = true
      count = count + 1
      -- A string capture covers a string literal.
      if query.captures[id] == 'string' then
        assert(vim.treesitter.get_node_text(node, buf):match('^"'), 'string capture')
      end
    end
    assert(count > 50, 'only ' .. count .. ' captures')
    for _, want in ipairs({ 'keyword', 'string', 'comment' }) do
      local any = false
      for name in pairs(seen) do
        any = any or name == want or vim.startswith(name, want .. '.')
      end
      assert(any, 'no @' .. want .. ' capture in ' .. vim.inspect(vim.tbl_keys(seen)))
    end
    assert(vim.treesitter.highlighter.active[buf], 'tree-sitter highlighting not started')
    for _, name in ipairs({ 'folds', 'locals', 'indents' }) do
      if #vim.treesitter.query.get_files('vpc', name) > 0 or require('vpc').treesitter_state.queries ~= 'runtimepath' then
        local ok, q = pcall(vim.treesitter.query.get, 'vpc', name)
        assert(ok, name .. '.scm: ' .. tostring(q))
      end
    end
  end)
else
  out('skip tree-sitter checks (neither VPC_TS_PARSER nor VPC_TS_RTP)')
end

check(':checkhealth vpc reports a missing binary as an ERROR with the fix', function()
  require('vpc').setup({ cmd = { 'vpc-not-installed-anywhere', 'lsp' }, enable = false })
  local text = health()
  assert(text:find('ERROR `vpc-not-installed-anywhere` not found', 1, true), text)
  assert(text:find('cargo install --locked --path crates/vpc-cli', 1, true), text)
end)

check('stops cleanly', function()
  local clients = vim.lsp.get_clients({ name = 'vpc' })
  for _, c in ipairs(clients) do
    c:stop()
  end
  wait('the servers to exit', function()
    for _, c in ipairs(clients) do
      if not c:is_stopped() then
        return false
      end
    end
    return true
  end)
end)

vim.fn.delete(dir, 'rf')
if #results.failed == 0 then
  out(('nvim: %d passed, 0 failed'):format(results.passed))
  os.exit(0)
else
  out(('nvim: %d passed, %d failed: %s'):format(results.passed, #results.failed, table.concat(results.failed, '; ')))
  os.exit(1)
end
