; Scopes, definitions and references (spec §5): identifiers are unique within a
; canvas, and a reference resolves to an item of the same canvas.

(canvas) @local.scope

(segment
  name: (identifier) @local.definition)

(value_map
  name: (identifier) @local.definition)

(item
  name: (identifier) @local.definition)

(reference) @local.reference
