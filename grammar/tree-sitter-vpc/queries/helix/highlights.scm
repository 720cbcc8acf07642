; Highlights for .vpc with Helix capture names: derived from ../highlights.scm by grammar/tools/helix-queries.sh.

(comment) @comment

; Block and item keywords. They are contextual: where one is a name or a key it is
; an (identifier), so these match only where a block or an item starts (also
; inside an ERROR, so half-typed text keeps its colours).
[
  "canvas"
  "segment"
  "value-map"
  "job"
  "pain"
  "gain"
  "outcome"
  "product"
  "reliever"
  "creator"
] @keyword

; Names that an item or block defines.
(canvas
  name: (identifier) @namespace)

(segment
  name: (identifier) @namespace)

(value_map
  name: (identifier) @namespace)

(item
  name: (identifier) @label)

; Attributes: the key, then the value.
(attribute
  key: (identifier) @variable.other.member)

; A bare word as a value is a word from a fixed set (`high`, `functional`,
; `multi-sided`), a frequency word or a diagnostic code.
(attribute
  value: (identifier) @constant)

(list
  (identifier) @constant)

; Identifiers that name other items (`relieves:`, `creates:`, `job:`, `serves:`,
; `via:`, `addresses:`).
(reference) @variable

(string) @string

(escape_sequence) @constant.character.escape

(number) @constant.numeric

[
  "{"
  "}"
  "["
  "]"
] @punctuation.bracket

[
  ":"
  ","
] @punctuation.delimiter
