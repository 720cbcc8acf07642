-- End-to-end test of `vpc lsp` through Neovim 0.11's built-in client, headless:
--
--   VPC_BIN=target/debug/vpc nvim --headless -u NONE -i NONE -n -l tests/lsp/nvim/test.lua EXAMPLES_DIR
--
-- Neovim offers UTF-8 positions, so this also checks the server's UTF-8 path.
-- Prints one line per check, then PASS or FAIL; exits 1 on failure.

local bin = os.getenv('VPC_BIN')
local vpc_args = os.getenv('VPC_ARGS') or 'lsp'
local examples = arg[1] or 'examples'

local script = debug.getinfo(1, 'S').source:sub(2)
local h = dofile(vim.fn.fnamemodify(script, ':p:h:h:h') .. '/nvim/harness.lua')
local out, check, wait, eq, read, find, results = h.out, h.check, h.wait, h.eq, h.read, h.find, h.results

if not bin or bin == '' then
  out('Set VPC_BIN to the vpc binary')
  os.exit(2)
end

vim.filetype.add({ extension = { vpc = 'vpc' } })
vim.cmd('filetype on')
vim.o.swapfile = false


-- A scratch workspace with copies of the examples.
local dir = vim.fn.tempname()
vim.fn.mkdir(dir, 'p')
for _, name in ipairs({ 'wedding.vpc', 'flawed.vpc' }) do
  local f = assert(io.open(dir .. '/' .. name, 'wb'))
  f:write(read(examples .. '/' .. name))
  f:close()
end

local cmd = { bin }
for word in vpc_args:gmatch('%S+') do
  table.insert(cmd, word)
end

local client_id
local function start(bufnr)
  local id = vim.lsp.start({
    name = 'vpc',
    cmd = cmd,
    root_dir = dir,
    init_options = { diagnosticDelayMs = 0 },
  }, { bufnr = bufnr })
  client_id = client_id or id
  return id
end

local function client()
  return assert(vim.lsp.get_client_by_id(client_id), 'no client')
end

local function request(method, params, bufnr)
  local response, err = client():request_sync(method, params, h.TIMEOUT, bufnr)
  assert(response, ('%s: %s'):format(method, tostring(err)))
  assert(not response.err, ('%s answered an error: %s'):format(method, vim.inspect(response.err)))
  return response.result
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
end

local function position(bufnr, context, needle)
  local line, col = find(bufnr, context, needle)
  return { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }
end

-- ---------------------------------------------------------------------------

vim.cmd.edit(dir .. '/flawed.vpc')
local flawed = vim.api.nvim_get_current_buf()

check('the server starts, negotiates UTF-8 and attaches', function()
  start(flawed)
  wait('initialization', function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c and c.initialized
  end)
  eq(client().offset_encoding, 'utf-8', 'offset encoding')
  eq(#vim.lsp.get_clients({ bufnr = flawed }), 1, 'clients attached')
end)

check('diagnostics: every lint of flawed.vpc, with codes and sources', function()
  wait('diagnostics', function()
    return #vim.diagnostic.get(flawed) > 0
  end)
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(flawed)) do
    codes[d.code] = true
    eq(d.source, 'vpc', 'source')
  end
  for _, code in ipairs({
    'duplicate-attribute', 'unknown-attribute', 'invalid-value', 'unranked-job', 'duplicate-id', 'unrelieved-pain',
    'unranked-pain', 'uncreated-gain', 'unranked-gain', 'underserved-outcome', 'unknown-reference',
    'wrong-reference-kind', 'dangling-reliever', 'dangling-creator', 'missing-section', 'duplicate-section',
  }) do
    assert(codes[code], 'no ' .. code .. ' in ' .. vim.inspect(vim.tbl_keys(codes)))
  end
end)

check('an edit with emoji: diagnostics follow, in byte columns', function()
  local line = find(flawed, 'pain shy')
  vim.api.nvim_buf_set_lines(flawed, line + 1, line + 1, false, { '    pain q "😩😩" { severity: huge }' })
  local want_line, want_col = find(flawed, 'pain q "😩😩" { severity: huge', 'huge')
  wait('invalid-value on `huge`', function()
    for _, d in ipairs(vim.diagnostic.get(flawed)) do
      if d.code == 'invalid-value' and d.lnum == want_line then
        eq(d.col, want_col, 'column of `huge` (bytes)')
        return true
      end
    end
  end)
  -- The server's text is the buffer's.
  wait('the server in step', function()
    local r = request('vpc/documentText', { textDocument = { uri = vim.uri_from_bufnr(flawed) } }, flawed)
    return r and r.text == buffer_text(flawed)
  end)
end)

vim.cmd.edit(dir .. '/wedding.vpc')
local wedding = vim.api.nvim_get_current_buf()
check('a second buffer attaches to the same server', function()
  eq(start(wedding), client_id, 'client id')
  wait('attached to wedding.vpc', function()
    return #vim.lsp.get_clients({ bufnr = wedding }) == 1
  end)
end)

check('completion: severities after `severity:`', function()
  local params = position(wedding, 'severity: severe }', 'severe')
  local result = request('textDocument/completion', params, wedding)
  local items = result.items or result
  local labels = {}
  for _, item in ipairs(items) do
    labels[item.label] = true
  end
  assert(labels.extreme and labels.negligible, vim.inspect(vim.tbl_keys(labels)))
end)

check('hover: a pain, with its text and rank', function()
  local result = request('textDocument/hover', position(wedding, 'pain no-time', 'no-time'), wedding)
  assert(result and result.contents, 'no hover')
  local text = result.contents.value or vim.inspect(result.contents)
  assert(text:find('Might not have time', 1, true), text)
  assert(text:find('severe', 1, true), text)
end)

check('definition: from a reference to the pain', function()
  local result = request('textDocument/definition', position(wedding, 'relieves: [unfinished', 'unfinished'), wedding)
  local loc = result[1] or result
  local line, col = find(wedding, 'pain unfinished', 'unfinished')
  eq(loc.range.start, { line = line, character = col }, 'definition')
end)

check('rename through vim.lsp.buf.rename: every occurrence, server in step', function()
  local line, col = find(wedding, 'pain no-time', 'no-time')
  vim.api.nvim_win_set_cursor(0, { line + 1, col })
  vim.lsp.buf.rename('short-on-time')
  wait('the rename applied', function()
    local _, n = buffer_text(wedding):gsub('short%-on%-time', '')
    return n == 4
  end)
  assert(not buffer_text(wedding):find('no-time', 1, true), 'no-time left')
  wait('the server in step', function()
    local r = request('vpc/documentText', { textDocument = { uri = vim.uri_from_bufnr(wedding) } }, wedding)
    return r and r.text == buffer_text(wedding)
  end)
end)

check('formatting through vim.lsp.buf.format is `vpc fmt`', function()
  vim.cmd.edit(dir .. '/messy.vpc')
  local messy = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(messy, 0, -1, false, {
    'canvas c "C" { segment s "S" {',
    'job a "A" {importance:high,kind:functional}}}',
  })
  start(messy)
  wait('attached', function()
    return #vim.lsp.get_clients({ bufnr = messy }) == 1
  end)
  vim.lsp.buf.format({ bufnr = messy, async = false, timeout_ms = h.TIMEOUT })
  eq(vim.api.nvim_buf_get_lines(messy, 0, -1, false), {
    'canvas c "C" {',
    '  segment s "S" {',
    '    job a "A" { kind: functional, importance: high }',
    '  }',
    '}',
  }, 'formatted')
end)

check('stops cleanly', function()
  local c = client()
  c:stop()
  wait('the server to exit', function()
    return c:is_stopped()
  end)
end)

vim.fn.delete(dir, 'rf')
if #results.failed == 0 then
  out(('PASS: %d checks'):format(results.passed))
  os.exit(0)
else
  out(('FAIL: %d of %d checks: %s'):format(#results.failed, results.passed + #results.failed, table.concat(results.failed, '; ')))
  os.exit(1)
end
