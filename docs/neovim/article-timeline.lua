-- Article Lens in Neovim: the timeline of the name under the cursor in the quickfix list, :ArticleTimeline.
-- Put it in your config (e.g. ~/.config/nvim/plugin/article-timeline.lua); test/e2e/neovim.lua runs this very file.
local function article_timeline()
  local params = vim.lsp.util.make_position_params(0, 'utf-16')
  for _, response in pairs(vim.lsp.buf_request_sync(0, 'articleLens/timeline', params, 10000) or {}) do
    local timeline = response.result
    if timeline then
      local items = {}
      for _, e in ipairs(timeline.entries) do
        -- One at a time: locations_to_items sorts what it is given by file, and the timeline's order is by date.
        local item = vim.lsp.util.locations_to_items({ { uri = e.uri, range = e.range } }, 'utf-16')[1]
        local from = e.dateSource == 'sentence' and '“' .. e.dateText .. '”' or 'article date'
        item.text = e.date .. ' (' .. from .. ') ' .. e.sentence
        table.insert(items, item)
      end
      vim.fn.setqflist({}, ' ', { title = 'Timeline: ' .. timeline.entity.name, items = items })
      vim.cmd('copen')
      return timeline
    end
  end
  vim.notify('Article Lens: no name under the cursor')
end

vim.api.nvim_create_user_command('ArticleTimeline', article_timeline, {})
return article_timeline
