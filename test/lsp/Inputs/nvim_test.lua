-- Headless Neovim (>= 0.7) with its built-in LSP client: open a C file with
-- a broken claim, wait for sendsync's diagnostic next to clangd's, then
-- "type" (change the buffer without saving) and wait for the new one.
-- Configured by environment variables (see nvim.test); prints the results
-- on stdout and exits with :cquit on failure.
local env = os.getenv
local clangd = env('SS_CLANGD')
local root, mode = env('SS_ROOT'), env('SS_MODE')
local out = io.stdout

local function finish(ok, msg)
  out:write(msg .. '\n')
  out:flush()
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  if ok then vim.cmd('qall!') else vim.cmd('cquit! 1') end
end

local ok_all, err = pcall(function()
  -- docs/editors.md's configuration (SS_SNIPPET), started by FileType.
  vim.cmd('filetype on')
  dofile(env('SS_SNIPPET'))
  vim.cmd('edit ' .. root .. '/job.c')
  local buf = vim.api.nvim_get_current_buf()
  if mode == 'beside' then
    -- clangd itself, as the user's own configuration would start it.
    local cid = vim.lsp.start_client({ name = 'clangd', cmd = { clangd }, root_dir = root })
    vim.lsp.buf_attach_client(buf, cid)
  end
  if not vim.wait(30000, function() return #vim.lsp.buf_get_clients(buf) == (mode == 'beside' and 2 or 1) end, 50) then
    error('the snippet did not attach a client: ' .. vim.inspect(vim.lsp.buf_get_clients(buf)))
  end

  local function by(source)
    local r = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if (d.source == 'sendsync') == (source == 'sendsync') then table.insert(r, d) end
    end
    return r
  end
  local function show(d)
    return string.format('%s %d:%d %s %s', d.source, d.lnum + 1, d.col + 1, tostring(d.code), d.message)
  end
  if not vim.wait(90000, function() return #by('sendsync') > 0 and #by('clang') > 0 end, 50) then
    error('no sendsync and clangd diagnostics; got: ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  for _, d in ipairs(by('sendsync')) do out:write('open: ' .. show(d) .. '\n') end
  for _, d in ipairs(by('clang')) do out:write('clangd: ' .. show(d) .. '\n') end
  -- Typing, without saving: rename the field on line 5.
  vim.api.nvim_buf_set_lines(buf, 4, 5, false, { '  int *total SS_BORROWED;' })
  local function renamed()
    local s = by('sendsync')
    return #s > 0 and s[1].message:find("'total'", 1, true) ~= nil
  end
  if not vim.wait(90000, renamed, 50) then
    error('no diagnostic after typing; got: ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  for _, d in ipairs(by('sendsync')) do out:write('typed: ' .. show(d) .. '\n') end
  assert(vim.api.nvim_buf_get_option(buf, 'modified'), 'the buffer is unsaved')
end)
if ok_all then finish(true, 'nvim ' .. mode .. ': ok') else finish(false, 'FAIL: ' .. tostring(err)) end
