; Fold blocks, items with an attribute block, and lists that span lines.
[
  (canvas)
  (segment)
  (value_map)
  (item)
  (list)
] @fold
