-- Neovim 0.7 (Debian's) as a second LSP client of `seams lsp --stdio`: opens one file,
-- attaches the server, waits for its diagnostics and writes them as JSON.
-- 0.7 predates vim.lsp.start, hence start_client + buf_attach_client.
-- Inputs (environment): SEAMS_NODE, SEAMS_CLI, SEAMS_ROOT, SEAMS_FILE, SEAMS_OUT,
-- SEAMS_MIN_DIAGNOSTICS (wait for at least this many), SEAMS_TIMEOUT_MS.
local node = os.getenv('SEAMS_NODE') or 'node'
local cli = assert(os.getenv('SEAMS_CLI'), 'SEAMS_CLI is not set')
local root = assert(os.getenv('SEAMS_ROOT'), 'SEAMS_ROOT is not set')
local file = assert(os.getenv('SEAMS_FILE'), 'SEAMS_FILE is not set')
local out = assert(os.getenv('SEAMS_OUT'), 'SEAMS_OUT is not set')
local timeout = tonumber(os.getenv('SEAMS_TIMEOUT_MS') or '30000')
local wanted = tonumber(os.getenv('SEAMS_MIN_DIAGNOSTICS') or '1')

local function finish(result, status)
  local handle = assert(io.open(out, 'w'))
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd((status == 0 and 'qall!' or 'cquit! ' .. status))
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()

local exited = nil
local client_id = vim.lsp.start_client({
  name = 'seams',
  cmd = { node, cli, 'lsp', '--stdio' },
  root_dir = root,
  on_exit = function(code, signal) exited = { code = code, signal = signal } end,
})
if not client_id then
  finish({ error = 'vim.lsp.start_client failed' }, 2)
end
vim.lsp.buf_attach_client(buf, client_id)

-- vim.wait keeps the event loop running and returns as soon as the condition holds.
local arrived = vim.wait(timeout, function()
  return exited ~= nil or #vim.diagnostic.get(buf) >= wanted
end, 20)

local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(diagnostics, {
    line = d.lnum + 1,
    column = d.col + 1,
    code = d.code,
    severity = d.severity,
    message = d.message,
  })
end
local client = vim.lsp.get_client_by_id(client_id)
local result = {
  arrived = arrived and exited == nil,
  exited = exited,
  server = client and client.server_capabilities and true or false,
  diagnostics = diagnostics,
}
vim.lsp.stop_client(client_id, true)
finish(result, 0)
