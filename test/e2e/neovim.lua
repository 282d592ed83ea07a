-- Neovim as a second real LSP client of the bundled server (node dist/server.js --stdio), headless.
-- Run through test/e2e/neovim.mjs, which copies samples/ into a temp folder and isolates HOME/XDG_*:
--   ARTICLE_LENS_ROOT=<repo> ARTICLE_LENS_FOLDER=<copy of samples> nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/neovim.lua'
-- Uses Neovim's own LSP client (vim.lsp, 0.7+): its workspace/configuration answers, its position encoding
-- (UTF-16), its buffer sync. Neovim 0.7 has no inlay-hint client, so inlay hints are asked with buf_request_sync.
-- Prints one line per check and the standard `N passed, N failed`; exits non-zero on any failure.

local ROOT = assert(os.getenv('ARTICLE_LENS_ROOT'), 'ARTICLE_LENS_ROOT not set')
local FOLDER = assert(os.getenv('ARTICLE_LENS_FOLDER'), 'ARTICLE_LENS_FOLDER not set')
local TIMEOUT = 20000

local S000 = '000_522416522264bb26.txt'
local S001 = '001_ab59fed4580a61f8.txt'
local S002 = '002_1194d7b2bb6911ef.txt'
local S003 = '003_81d969409292dfb7.txt'
local S004 = '004_7f26f9b57fc7a2c5.txt'
local SEEDS = { S000, S001, S002, S003, S004 }
local DATES = {
  [S000] = '2023-02-03', [S001] = '2023-06-15', [S002] = '2023-06-17', [S003] = '2023-06-18', [S004] = '2023-06-14',
}

local passed, failed = 0, 0
local function out(s) io.stdout:write(s .. '\n') end
local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    out('ok   ' .. name)
  else
    failed = failed + 1
    out('FAIL ' .. name .. '\n     ' .. tostring(err):gsub('\n', '\n     '))
  end
end
local function finish()
  out(string.format('%d passed, %d failed', passed, failed))
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
  io.stdout:flush()
  vim.cmd(failed == 0 and passed > 0 and 'qa!' or 'cq!')
end
local function expect(cond, msg) if not cond then error(msg, 2) end end
local function path(name) return FOLDER .. '/' .. name end
local function uri(name) return vim.uri_from_fname(path(name)) end
local function file_of(u) return vim.fn.fnamemodify(vim.uri_to_fname(u), ':t') end

-- Buffers: every seed loaded (not displayed), so positions and texts come from Neovim itself.
local bufs = {}
for _, name in ipairs(SEEDS) do
  local b = vim.fn.bufadd(path(name))
  vim.fn.bufload(b)
  bufs[name] = b
end
vim.cmd('buffer ' .. bufs[S003])

--- LSP position (UTF-16 character) of the nth (1-based) plain occurrence of `word` in a buffer, plus `shift` chars.
local function position_of(name, word, nth, shift)
  nth, shift = nth or 1, shift or 0
  local lines = vim.api.nvim_buf_get_lines(bufs[name], 0, -1, false)
  local seen = 0
  for i, line in ipairs(lines) do
    local from = 1
    while true do
      local s = line:find(word, from, true)
      if not s then break end
      seen = seen + 1
      if seen == nth then
        local col16 = vim.str_utfindex(line, s - 1)
        return { line = i - 1, character = col16 + shift }
      end
      from = s + 1
    end
  end
  error(string.format('“%s” occurs fewer than %d times in %s', word, nth, name))
end

--- The text of an LSP range (single line) in a seed buffer.
local function text_at(name, range)
  local line = vim.api.nvim_buf_get_lines(bufs[name], range.start.line, range.start.line + 1, false)[1] or ''
  local s = vim.str_byteindex(line, range.start.character)
  local e = vim.str_byteindex(line, range['end'].character)
  return line:sub(s + 1, e)
end

-- ── the client ─────────────────────────────────────────────────────────────────────────────────────────────
local status = nil
local server_log = {}
if os.getenv('E2E_DEBUG') then vim.lsp.set_log_level('debug') end
local client_id = vim.lsp.start_client({
  name = 'article-lens',
  cmd = { 'node', ROOT .. '/dist/server.js', '--stdio' },
  root_dir = FOLDER,
  workspace_folders = { { uri = vim.uri_from_fname(FOLDER), name = 'articles' } },
  -- Neovim 0.7 does not offer workspace/configuration (newer ones answer it from `settings`): the server then takes
  -- the articleLens settings from initializationOptions.settings.
  init_options = { settings = { dates = DATES } },
  settings = { articleLens = { dates = DATES } },
  handlers = {
    ['articleLens/status'] = function(_, result) status = result end,
    ['window/logMessage'] = function(_, result) table.insert(server_log, result.message) end,
  },
  on_exit = function(code) if code ~= 0 then out('server exited with ' .. tostring(code)) end end,
})
if not client_id then
  out('FAIL could not start the server (node ' .. ROOT .. '/dist/server.js --stdio)')
  failed = failed + 1
  finish()
  return
end
for _, b in pairs(bufs) do vim.lsp.buf_attach_client(b, client_id) end

local function request(method, params, buf)
  local responses, err = vim.lsp.buf_request_sync(buf or bufs[S003], method, params, TIMEOUT)
  expect(responses, method .. ': no response (' .. tostring(err) .. ')')
  local r = responses[client_id]
  expect(r, method .. ': no response from article-lens')
  expect(not r.err, method .. ': error ' .. vim.inspect(r.err))
  return r.result
end
local function at(name, word, nth, shift)
  return { textDocument = { uri = uri(name) }, position = position_of(name, word, nth, shift) }
end

check('the server starts and indexes the five articles of the folder', function()
  local ok = vim.wait(TIMEOUT, function() return status ~= nil and status.state == 'ready' and status.articles == 5 end, 50)
  expect(ok, 'no articleLens/status ready with 5 articles; last status: ' .. vim.inspect(status)
    .. '\nserver log: ' .. table.concat(server_log, '\n'))
  local client = vim.lsp.get_client_by_id(client_id)
  expect(client.server_capabilities.hoverProvider, 'server advertises no hover')
end)

check('hover on “Blinken” in 003 shows Antony Blinken and lists the four other articles', function()
  local result = request('textDocument/hover', at(S003, 'Blinken in English', 1, 2))
  expect(result and result.contents, 'hover returned nothing')
  local value = type(result.contents) == 'table' and (result.contents.value or '') or tostring(result.contents)
  expect(value:find('Antony Blinken', 1, true), 'no “Antony Blinken” in hover:\n' .. value)
  -- The card's “Also in” list: one link per other article, none to this one.
  local s = value:find('**Also in**', 1, true)
  expect(s, 'no “Also in” list in hover:\n' .. value)
  local also = value:sub(s, (value:find('**Often with**', s, true) or #value + 1) - 1)
  for _, other in ipairs({ S000, S001, S002, S004 }) do
    expect(also:find(uri(other) .. '#L', 1, true), '“Also in” does not link ' .. other .. ':\n' .. also)
  end
  expect(not also:find(uri(S003) .. '#L', 1, true), '“Also in” links the article it is in:\n' .. also)
  -- Neovim renders it the way its hover window would.
  local lines = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
  expect(#lines > 3, 'hover renders to ' .. #lines .. ' lines')
end)

check('hover on “Sunday” in 003 resolves it to 2023-06-18', function()
  local result = request('textDocument/hover', at(S003, 'Sunday', 1, 2))
  local value = result and result.contents and result.contents.value or ''
  expect(value:find('2023-06-18', 1, true), 'no 2023-06-18 in hover:\n' .. value)
end)

check('definition of “Blinken” in 004 goes to his first mention in each of the other articles', function()
  local result = request('textDocument/definition', at(S004, 'Mr. Blinken', 1, 6), bufs[S004])
  expect(result and #result > 0, 'no definition')
  local files = {}
  for _, l in ipairs(result) do
    local u = l.uri or l.targetUri
    local r = l.range or l.targetSelectionRange
    local name = file_of(u)
    table.insert(files, name)
    expect(name ~= S004, 'definition points into the same article')
    expect(text_at(name, r):match('Blinken$'), 'definition lands on “' .. text_at(name, r) .. '” in ' .. name)
  end
  expect(vim.deep_equal(files, { S000, S001, S002, S003 }), 'definition files: ' .. table.concat(files, ', '))
end)

check('go to definition through Neovim’s own handler opens another article at a Blinken mention', function()
  local win = vim.api.nvim_get_current_win()
  vim.api.nvim_win_set_buf(win, bufs[S004])
  local p = position_of(S004, 'Mr. Blinken', 1, 6)
  local line = vim.api.nvim_buf_get_lines(bufs[S004], p.line, p.line + 1, false)[1]
  vim.api.nvim_win_set_cursor(win, { p.line + 1, vim.str_byteindex(line, p.character) })
  vim.lsp.buf.definition()
  local moved = vim.wait(TIMEOUT, function()
    return vim.api.nvim_get_current_buf() ~= bufs[S004] or vim.fn.getqflist({ size = 0 }).size > 0
  end, 50)
  expect(moved, 'vim.lsp.buf.definition() did not jump nor fill the quickfix list')
  if vim.fn.getqflist({ size = 0 }).size > 0 then vim.cmd('cfirst') end
  local name = vim.fn.expand('%:t')
  expect(name ~= S004, 'still in ' .. name)
  local cur = vim.api.nvim_win_get_cursor(win)
  local here = vim.api.nvim_get_current_line():sub(cur[2] + 1)
  expect(here:match('^Blinken') or here:match('^Antony'), 'cursor in ' .. name .. ' is not at Blinken: “' .. here:sub(1, 30) .. '”')
end)

check('references of “Blinken” cover all five articles, every one a Blinken mention', function()
  local params = at(S003, 'Blinken in English', 1, 2)
  params.context = { includeDeclaration = true }
  local result = request('textDocument/references', params)
  expect(result and #result >= 30, 'only ' .. (result and #result or 0) .. ' references')
  local files = {}
  for _, l in ipairs(result) do
    local name = file_of(l.uri)
    files[name] = true
    expect(text_at(name, l.range):find('Blinken', 1, true), 'reference “' .. text_at(name, l.range) .. '” in ' .. name)
  end
  for _, s in ipairs(SEEDS) do expect(files[s], 'no reference in ' .. s) end
end)

check('inlay hint 2023-06-18 right after “Sunday” in 003 (textDocument/inlayHint)', function()
  local result = request('textDocument/inlayHint', {
    textDocument = { uri = uri(S003) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 10000, character = 0 } },
  })
  expect(result and #result > 0, 'no inlay hints')
  local after = position_of(S003, 'Sunday', 1, #'Sunday')
  local found
  for _, h in ipairs(result) do
    if h.position.line == after.line and h.position.character == after.character then found = h end
  end
  expect(found, 'no hint at ' .. vim.inspect(after) .. '; hints: ' .. vim.inspect(vim.tbl_map(function(h) return h.position end, result)))
  local label = type(found.label) == 'string' and found.label or table.concat(vim.tbl_map(function(p) return p.value end, found.label))
  expect(label:find('2023-06-18', 1, true), 'hint label “' .. label .. '”')
end)

check('document symbols of 003 group its entities: People (with Antony Blinken), Places, Organisations, Dates', function()
  local result = request('textDocument/documentSymbol', { textDocument = { uri = uri(S003) } })
  expect(result and #result > 0, 'no symbols')
  local groups = {}
  for _, s in ipairs(result) do
    local label = s.name:match('^(%a+) %(%d+%)$')
    if label then groups[label] = s end
  end
  for _, g in ipairs({ 'People', 'Places', 'Organisations', 'Dates' }) do
    expect(groups[g], 'no “' .. g .. ' (N)” group; top level: ' .. table.concat(vim.tbl_map(function(s) return s.name end, result), ' | '))
  end
  local people = vim.tbl_map(function(c) return c.name end, groups.People.children or {})
  expect(vim.tbl_contains(people, 'Antony Blinken'), 'People: ' .. table.concat(people, ', '))
  local places = vim.tbl_map(function(c) return c.name end, groups.Places.children or {})
  expect(vim.tbl_contains(places, 'Beijing'), 'Places: ' .. table.concat(places, ', '))
end)

check('articleLens/timeline through the README’s snippet: “Blinken” in 003 fills the quickfix list, 2023-02 … 2023-06', function()
  vim.cmd('buffer ' .. bufs[S003])
  local p = position_of(S003, 'Blinken', 2)
  local line = vim.api.nvim_buf_get_lines(bufs[S003], p.line, p.line + 1, false)[1]
  vim.api.nvim_win_set_cursor(0, { p.line + 1, vim.str_byteindex(line, p.character) })
  local timeline = dofile(ROOT .. '/docs/neovim/article-timeline.lua')()
  expect(timeline and timeline.entity.name == 'Antony Blinken', 'timeline of ' .. vim.inspect(timeline and timeline.entity))
  local qf = vim.fn.getqflist({ title = 1, items = 1 })
  expect(qf.title == 'Timeline: Antony Blinken', 'quickfix title: ' .. tostring(qf.title))
  expect(#qf.items == #timeline.entries and #qf.items >= 5, #qf.items .. ' quickfix items for ' .. #timeline.entries .. ' entries')
  local months, files = {}, {}
  for i, item in ipairs(qf.items) do
    local e = timeline.entries[i]
    expect(item.text:sub(1, #e.date) == e.date, 'item ' .. i .. ': ' .. item.text)
    expect(item.lnum == e.range.start.line + 1, 'item ' .. i .. ' at line ' .. item.lnum .. ', entry at ' .. e.range.start.line + 1)
    if i > 1 then expect(timeline.entries[i - 1].date <= e.date, 'not in date order at ' .. i) end
    months[e.date:sub(1, 7)] = true
    files[file_of(vim.uri_from_bufnr(item.bufnr))] = true
  end
  expect(months['2023-02'] and months['2023-06'], 'months: ' .. table.concat(vim.tbl_keys(months), ' '))
  for _, name in ipairs(SEEDS) do expect(files[name], 'no entry in ' .. name) end
  vim.cmd('cclose')
end)

finish()
