/**
 * @file Tree-sitter grammar for the .vpc language (Value Proposition Canvases).
 * @license MIT OR Apache-2.0
 *
 * Follows docs/language.md §2–§4 and the reference parser in crates/vpc-syntax
 * (lexer.rs, parser.rs, schema.rs), with the keyword sets of ast.rs and schema.rs
 * (grammar/tools/check-keywords.js compares them). Three rules of the language need a look at line breaks, which a
 * context-free grammar cannot see; src/scanner.c supplies them as zero-width tokens:
 *   - an attribute's value starts on the same line as its `:`      (_same_line)
 *   - after a value comes `,`, `}`, the end of the line or the file (_value_end)
 *   - a keyword that starts a line and an item or block is never an identifier (_name_start)
 * and it implements the recovery rule of spec §2: an item or block keyword at the
 * start of a line, followed by a name or title, starts a new item or block
 * (_item_sync, _section_sync, _canvas_sync; see scanner.c).
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

// ast.rs: ItemKind / BlockKind keywords.
const SEGMENT_ITEMS = ['job', 'pain', 'gain', 'outcome'];
const MAP_ITEMS = ['product', 'reliever', 'creator'];
const BLOCKS = ['canvas', 'segment', 'value-map'];
// schema.rs: every key whose value is References(..).
const REFERENCE_KEYS = ['job', 'serves', 'relieves', 'creates', 'via', 'addresses'];
// lexer.rs: MAX_LIST_DEPTH. Deeper lists are a syntax error.
const MAX_LIST_DEPTH = 32;

// \u{…}: 1 to 6 hex digits naming a Unicode scalar value (<= 10FFFF, no surrogates).
const H = '[0-9a-fA-F]';
const FOUR = `(?:[0-9a-cA-CeEfF]${H}{3}|[dD][0-7]${H}{2})`; // 4 digits, not D800–DFFF
const SCALAR = `(?:${H}{1,3}|${FOUR}|0${FOUR}|[1-9a-fA-F]${H}{4}|00${FOUR}|0[1-9a-fA-F]${H}{4}|10${H}{4})`;

/** Lists nested up to MAX_LIST_DEPTH, all shown as `list`. */
function lists(prefix, element) {
  const rules = {};
  for (let depth = 1; depth <= MAX_LIST_DEPTH; depth++) {
    const name = `_${prefix}_list_${depth}`;
    const inner = depth < MAX_LIST_DEPTH ? [$ => alias($[`_${prefix}_list_${depth + 1}`], $.list)] : [];
    rules[name] = $ => seq(
      '[',
      optional(seq(
        sepBy1(',', choice(element($), ...inner.map(f => f($)))),
        optional(','),
      )),
      ']',
    );
  }
  return rules;
}

function sepBy1(sep, rule) {
  return seq(rule, repeat(seq(sep, rule)));
}

module.exports = grammar({
  name: 'vpc',

  externals: $ => [
    $._same_line,
    $._value_end,
    $._name_start,
    $._item_sync,
    $._section_sync,
    $._canvas_sync,
    $._key_start,
    $._error_sentinel,
  ],

  extras: $ => [/[ \t\f\r\n]/, $.comment],

  word: $ => $.identifier,

  rules: {
    // A byte-order mark at the start is skipped by tree-sitter itself (lexer.c).
    source_file: $ => repeat($.canvas),

    // The grammar of spec §3, with two rules relaxed as in the reference parser,
    // which reads them and reports them only after parsing (vpc-syntax
    // check_structure): a title may be missing, and an item may stand in any block.
    // Half-typed items (`job organise {`) and misplaced ones then parse as items, and
    // the language server reports them. See ../README.md, "Divergences".

    // canvas = "canvas" [ ident ] string "{" { attribute | segment | value_map } "}"
    canvas: $ => seq(
      optional($._canvas_sync),
      'canvas',
      optional($._name),
      optional(field('title', $.string)),
      field('body', alias($._canvas_block, $.block)),
    ),
    _canvas_block: $ => seq('{', repeat(choice($.attribute, $.segment, $.value_map, $.item)), '}'),

    // segment = "segment" [ ident ] string "{" { attribute | segment_item } "}"
    segment: $ => seq(
      optional($._section_sync),
      'segment',
      optional($._name),
      optional(field('title', $.string)),
      field('body', alias($._section_block, $.block)),
    ),

    // value_map = "value-map" [ ident ] [ string ] "{" { attribute | map_item } "}"
    value_map: $ => seq(
      optional($._section_sync),
      'value-map',
      optional($._name),
      optional(field('title', $.string)),
      field('body', alias($._section_block, $.block)),
    ),
    _section_block: $ => seq('{', repeat(choice($.attribute, $.item)), '}'),

    // segment_item = ( "job" | "pain" | "gain" | "outcome" ) item_rest ;
    // map_item     = ( "product" | "reliever" | "creator" ) item_rest ;
    // item_rest    = [ ident ] string [ "{" { attribute } "}" ] ;
    // As in the reference parser, a name or a title must come before `{`: a bare
    // keyword (half-typed, `job` alone on its line) is an item without a title.
    item: $ => seq(
      optional($._item_sync),
      field('kind', choice(...SEGMENT_ITEMS, ...MAP_ITEMS)),
      optional(seq(
        choice(
          seq($._name, optional(field('title', $.string))),
          field('title', $.string),
        ),
        optional(field('body', $.attribute_block)),
      )),
    ),

    attribute_block: $ => seq('{', repeat($.attribute), '}'),

    _name: $ => seq($._name_start, field('name', $.identifier)),

    // attribute = ident ":" value [ "," ], the value on the line of the `:`, and
    // after it `,`, `}` or the end of the line.
    attribute: $ => seq(optional($._key_start), choice(
      seq(field('key', $._key), $._attribute_rest),
      seq(field('key', $._reference_key), $._reference_attribute_rest),
    )),
    _attribute_rest: $ => seq(':', $._same_line, field('value', $._value), $._attribute_end),
    _reference_attribute_rest: $ => seq(':', $._same_line, field('value', $._reference_value), $._attribute_end),
    _attribute_end: $ => choice(',', $._value_end),

    // Keywords are contextual: where a keyword is also valid, it may still be a key.
    _key: $ => choice(
      $.identifier,
      ...[...new Set([...SEGMENT_ITEMS, ...MAP_ITEMS, ...BLOCKS])]
        .filter(k => !REFERENCE_KEYS.includes(k))
        .map(k => alias(k, $.identifier)),
    ),
    _reference_key: $ => choice(...REFERENCE_KEYS.map(k => alias(k, $.identifier))),

    // value = ident | string | number | list
    _value: $ => choice($.identifier, $.string, $.number, alias($._plain_list_1, $.list)),
    // The value of a key that takes references (schema.rs References): identifiers
    // in it are `reference`s. Any value is still syntax (the wrong kind is a lint).
    _reference_value: $ => choice(alias($.identifier, $.reference), $.string, $.number, alias($._reference_list_1, $.list)),

    ...lists('plain', $ => choice($.identifier, $.string, $.number)),
    ...lists('reference', $ => choice(alias($.identifier, $.reference), $.string, $.number)),

    identifier: _ => /[A-Za-z_][A-Za-z0-9_-]*/,

    // lexer.rs: digits, an optional fraction, and an optional `%` written at once
    // after them: `85%` is one number (a percentage); in `85 %` the `%` is no token.
    number: _ => /[0-9]+(\.[0-9]+)?%?/,

    string: $ => seq(
      '"',
      repeat(choice($.string_content, $.escape_sequence)),
      token.immediate('"'),
    ),
    string_content: _ => token.immediate(prec(1, /[^"\\\r\n]+/)),
    escape_sequence: _ => token.immediate(new RegExp(`\\\\(?:["\\\\nt]|u\\{${SCALAR}\\})`)),

    comment: _ => token(seq('//', /[^\r\n]*/)),
  },
});
