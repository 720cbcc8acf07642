-- Buffer settings for .vpc files (Value Proposition Canvases).
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = true

vim.bo.commentstring = '// %s'
vim.bo.comments = '://'
-- Identifiers contain dashes (`no-time`, `value-map`): make them one word for `w`, `*`, completion.
vim.opt_local.iskeyword:append('-')
vim.bo.expandtab = true
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
-- Formatting with `gq` goes to the language server when it is attached (formatexpr is
-- set by Neovim's LSP client); `=` indents by braces.
vim.bo.cindent = false
vim.bo.smartindent = true
vim.bo.cinkeys = '0{,0},0],!^F,o,O'
vim.bo.indentkeys = '0{,0},0],!^F,o,O'
vim.opt_local.matchpairs:append('[:]')

vim.b.undo_ftplugin = table.concat({
  'setlocal commentstring< comments< iskeyword< expandtab< shiftwidth< softtabstop<',
  'setlocal cindent< smartindent< cinkeys< indentkeys< matchpairs<',
}, ' | ')
