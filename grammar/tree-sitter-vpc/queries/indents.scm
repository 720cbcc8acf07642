; Indentation (nvim-treesitter captures): one level inside `{ … }` and `[ … ]`.
[
  (block)
  (attribute_block)
  (list)
] @indent.begin

[
  "}"
  "]"
] @indent.branch @indent.end

(comment) @indent.auto
