; Indentation for Helix: one level inside `{ … }` and `[ … ]`.
[
  (block)
  (attribute_block)
  (list)
] @indent

[
  "}"
  "]"
] @outdent
