-- vpc: filetype detection and user commands. The language server starts only after
-- `require('vpc').setup()` (lazy.nvim's `opts = {}` calls it for you).
if vim.g.loaded_vpc then
  return
end
vim.g.loaded_vpc = true

vim.filetype.add({ extension = { vpc = 'vpc' } })

vim.api.nvim_create_user_command('VpcInfo', function()
  vim.cmd('checkhealth vpc')
end, { desc = 'vpc: health of the plugin, the binary, the server and the tree-sitter parser' })

vim.api.nvim_create_user_command('VpcRestart', function()
  require('vpc').restart()
end, { desc = 'vpc: restart the language server' })
