-- What the headless Neovim tests share (tests/lsp/nvim/test.lua for the server,
-- editors/nvim/test/test.lua for the plugin): output, named checks that record
-- their result, waiting with a timeout, deep equality, files, finding text in a buffer.
--
--   local h = dofile(REPO .. '/tests/nvim/harness.lua')

local M = { TIMEOUT = 20000, results = { passed = 0, failed = {} } }

--- A line on stdout (under `nvim -l`, print() goes to stderr).
function M.out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end

--- Run one named check; a failure is recorded and printed, and the run goes on.
function M.check(name, fn)
  local started = vim.uv.hrtime()
  local ok, err = xpcall(fn, debug.traceback)
  local ms = math.floor((vim.uv.hrtime() - started) / 1e6)
  if ok then
    M.results.passed = M.results.passed + 1
    M.out(('ok   %s (%d ms)'):format(name, ms))
  else
    table.insert(M.results.failed, name)
    M.out(('FAIL %s\n     %s'):format(name, tostring(err):gsub('\n', '\n     ')))
  end
end

function M.wait(what, cond)
  if not vim.wait(M.TIMEOUT, cond, 20) then
    error('timeout waiting for ' .. what, 2)
  end
end

function M.eq(got, want, what)
  if not vim.deep_equal(got, want) then
    error(('%s: got %s, want %s'):format(what or 'value', vim.inspect(got), vim.inspect(want)), 2)
  end
end

function M.read(path)
  local f = assert(io.open(path, 'rb'))
  local s = f:read('*a')
  f:close()
  return s
end

function M.write(path, text)
  local f = assert(io.open(path, 'wb'))
  f:write(text)
  f:close()
end

--- The 0-based line and byte column of `needle` inside the first `context` of the buffer.
function M.find(bufnr, context, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local at = line:find(context, 1, true)
    if at then
      return i - 1, at - 1 + (context:find(needle or context, 1, true) - 1)
    end
  end
  error('no ' .. context, 2)
end

return M
