-- Drives the Nianbao language server from Neovim's built-in LSP client (Neovim >= 0.7) and writes
-- what came back as JSON; test/nvim/nvim.test.ts decides whether that is right. Run as
--   nvim --headless --clean -c 'luafile test/nvim/lsp-check.lua' draft.nianbao.md
-- Environment:
--   NIANBAO_SERVER      path of the language server (the package's `nianbao-language-server` bin)
--   NIANBAO_NODE        node executable (default: node)
--   NIANBAO_LSP_OUT     where to write the JSON report
--   NIANBAO_COMPLETE_AT "line:character" (0-based) to ask for completions at
local out_path = assert(os.getenv('NIANBAO_LSP_OUT'), 'NIANBAO_LSP_OUT not set')
local server = assert(os.getenv('NIANBAO_SERVER'), 'NIANBAO_SERVER not set')
local node = os.getenv('NIANBAO_NODE') or 'node'
local cl, cc = (os.getenv('NIANBAO_COMPLETE_AT') or '0:0'):match('(%d+):(%d+)')

local bufnr = vim.api.nvim_get_current_buf()
local fname = vim.api.nvim_buf_get_name(bufnr)
local v = vim.version()
local report = { nvim = v.major .. '.' .. v.minor .. '.' .. v.patch, file = fname, errors = {} }

local function finish(code)
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit! ' .. code)
end

-- The diagnostics exactly as the server published them (UTF-16 ranges, data field), kept beside
-- Neovim's own conversion so code actions can be asked for with the original diagnostic.
local published = {}
local function on_publish(err, result, ctx, config)
  if result and result.diagnostics then published = result.diagnostics end
  return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
end

local ok, err = pcall(function()
  local started = vim.loop.hrtime()
  local client_id = vim.lsp.start_client({
    name = 'nianbao',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(fname, ':p:h'),
    handlers = { ['textDocument/publishDiagnostics'] = on_publish },
  })
  assert(client_id, 'the language server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  report.initialized = vim.wait(15000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized
  end, 20)
  -- Diagnostics are pushed after didOpen; wait until they stop changing.
  local last, stable_since = -1, vim.loop.now()
  vim.wait(15000, function()
    local n = #vim.diagnostic.get(bufnr)
    if n ~= last then last, stable_since = n, vim.loop.now() end
    return n > 0 and vim.loop.now() - stable_since > 300
  end, 20)
  report.startup_ms = math.floor((vim.loop.hrtime() - started) / 1e6)

  local function request(method, params)
    local res, e = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
    if not res then table.insert(report.errors, method .. ': ' .. tostring(e)); return nil end
    local r = res[client_id]
    if r == nil then return nil end
    if r.err then table.insert(report.errors, method .. ': ' .. vim.inspect(r.err)); return nil end
    return r.result
  end
  local tdi = { uri = vim.uri_from_bufnr(bufnr) }

  -- What Neovim shows (its diagnostic list) must be what the server published.
  report.shown = #vim.diagnostic.get(bufnr)
  report.diagnostics = {}
  for _, d in ipairs(published) do
    local entry = { line = d.range.start.line, severity = d.severity, source = d.source, message = d.message,
                    code = d.code, range = d.range }
    -- The code actions offered for exactly this diagnostic, as the light bulb would ask.
    entry.actions = request('textDocument/codeAction', {
      textDocument = tdi, range = d.range, context = { diagnostics = { d } },
    }) or {}
    table.insert(report.diagnostics, entry)
  end

  report.symbols = request('textDocument/documentSymbol', { textDocument = tdi }) or {}
  local comp = request('textDocument/completion', {
    textDocument = tdi, position = { line = tonumber(cl), character = tonumber(cc) },
  }) or {}
  report.completions = {}
  for _, item in ipairs(comp.items or comp) do table.insert(report.completions, item.label) end

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)
if not ok then table.insert(report.errors, 'lua: ' .. tostring(err)) end
finish(ok and 0 or 1)
