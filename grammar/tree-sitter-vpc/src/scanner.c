// External scanner for tree-sitter-vpc. Every token it makes is zero-width: it
// looks at line breaks, which the grammar cannot see (spec §2, crates/vpc-syntax).
//
//   SAME_LINE     after `:`, the value starts on the same line;
//   VALUE_END     after a value (when no `,` follows, on this line or a later one)
//                 comes `}`, a line break, a `//` comment or the end of the file;
//   NAME_START    an identifier follows that may be the name of a canvas, block or
//                 item: not a keyword that starts a line and an item or block
//                 (`job` + newline + `pain "…"` is a job without a title, then a pain);
//   ITEM_SYNC,    an item / segment or value-map / canvas keyword starts a line and
//   SECTION_SYNC, is followed by a name or a title (or `{` for a block): it starts an
//   CANVAS_SYNC   item or block, here or after a syntax error (the recovery rule of
//                 spec §2). The scanner returns these wherever they occur; where the
//                 grammar does not expect them (an item keyword inside an attribute
//                 block, a section inside a section) the parse error is there, and
//                 tree-sitter recovers to the enclosing block that takes them, so
//                 `shy` below is an ordinary pain:
//                     job forms "Fill in official forms" { importance:
//                     pain shy "Too shy to speak" { severity: severe }
//   KEY_START     never returned: it makes tree-sitter call this scanner inside
//                 attribute blocks, where the *_SYNC tokens must be seen.
//
// The scanner keeps no state.

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <string.h>

enum TokenType {
  SAME_LINE,
  VALUE_END,
  NAME_START,
  ITEM_SYNC,
  SECTION_SYNC,
  CANVAS_SYNC,
  KEY_START,
  ERROR_SENTINEL,
};

static bool is_space(int32_t c) { return c == ' ' || c == '\t' || c == '\f'; }
static bool is_newline(int32_t c) { return c == '\n' || c == '\r'; }
static bool is_ident_start(int32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
static bool is_ident_char(int32_t c) { return is_ident_start(c) || (c >= '0' && c <= '9') || c == '-'; }

// ast.rs: ItemKind and BlockKind keywords.
static const char *const ITEM_KEYWORDS[] = {"job", "pain", "gain", "outcome", "product", "reliever", "creator"};
static const char *const BLOCK_KEYWORDS[] = {"canvas", "segment", "value-map"};

static bool in(const char *word, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (strcmp(word, list[i]) == 0) return true;
  }
  return false;
}

void *tree_sitter_vpc_external_scanner_create(void) { return NULL; }
void tree_sitter_vpc_external_scanner_destroy(void *payload) { (void)payload; }
unsigned tree_sitter_vpc_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}
void tree_sitter_vpc_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

// Past spaces, line breaks and `//` comments (after mark_end: nothing is consumed).
static int32_t peek_past_trivia(TSLexer *lexer) {
  for (;;) {
    int32_t c = lexer->lookahead;
    if (lexer->eof(lexer)) return 0;
    if (is_space(c) || is_newline(c)) {
      lexer->advance(lexer, false);
    } else if (c == '/') {
      lexer->advance(lexer, false);
      if (lexer->lookahead != '/') return '/';
      while (!lexer->eof(lexer) && !is_newline(lexer->lookahead)) lexer->advance(lexer, false);
    } else {
      return c;
    }
  }
}

// At the start of a word, after mark_end: which sync token the word and what follows
// make, or -1. Consumes the lookahead.
static int sync_token(TSLexer *lexer) {
  char word[16];
  size_t len = 0;
  while (is_ident_char(lexer->lookahead)) {
    if (len + 1 >= sizeof word) return -1;  // longer than any keyword
    word[len++] = (char)lexer->lookahead;
    lexer->advance(lexer, false);
  }
  word[len] = '\0';
  int token;
  if (in(word, ITEM_KEYWORDS, sizeof ITEM_KEYWORDS / sizeof *ITEM_KEYWORDS)) {
    token = ITEM_SYNC;
  } else if (strcmp(word, "canvas") == 0) {
    token = CANVAS_SYNC;
  } else if (in(word, BLOCK_KEYWORDS, sizeof BLOCK_KEYWORDS / sizeof *BLOCK_KEYWORDS)) {
    token = SECTION_SYNC;
  } else {
    return -1;
  }
  int32_t next = peek_past_trivia(lexer);
  if (is_ident_start(next) || next == '"') return token;
  if (token != ITEM_SYNC && next == '{') return token;
  return -1;
}

// The line ended after a value: that ends the attribute, unless the next token is
// the `,` after it (the reference parser takes a `,` on a later line too).
static bool value_end_unless_comma(TSLexer *lexer) {
  if (peek_past_trivia(lexer) == ',') return false;
  lexer->result_symbol = VALUE_END;
  return true;
}

bool tree_sitter_vpc_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  (void)payload;
  if (valid_symbols[ERROR_SENTINEL]) return false;  // error recovery: the grammar's tokens do

  while (is_space(lexer->lookahead)) lexer->advance(lexer, true);
  bool line_ends = lexer->eof(lexer) || is_newline(lexer->lookahead);

  if (valid_symbols[SAME_LINE] || valid_symbols[VALUE_END]) {
    if (!line_ends) {
      lexer->mark_end(lexer);
      int32_t c = lexer->lookahead;
      if (c == '/') {
        lexer->advance(lexer, false);
        line_ends = lexer->lookahead == '/';
      }
      if (valid_symbols[SAME_LINE] && !line_ends) {
        lexer->result_symbol = SAME_LINE;
        return true;
      }
      if (valid_symbols[VALUE_END] && c == '}') {
        lexer->result_symbol = VALUE_END;
        return true;
      }
      if (valid_symbols[VALUE_END] && line_ends) {
        while (!lexer->eof(lexer) && !is_newline(lexer->lookahead)) lexer->advance(lexer, false);
        return value_end_unless_comma(lexer);
      }
      return false;
    }
    if (valid_symbols[VALUE_END]) {
      lexer->mark_end(lexer);
      return value_end_unless_comma(lexer);
    }
    // A `:` at the end of its line: the value is missing. Fall through, so that an
    // item or block on the next line is one.
  }

  // At the start of a line (or of the file)?
  bool bol = false;
  while (is_space(lexer->lookahead) || is_newline(lexer->lookahead)) {
    if (is_newline(lexer->lookahead)) bol = true;
    lexer->advance(lexer, true);
  }
  if (!is_ident_start(lexer->lookahead)) return false;  // a title, `{`, a comment, …
  if (!bol && lexer->get_column(lexer) == 0) bol = true;
  lexer->mark_end(lexer);

  bool sync_valid = valid_symbols[ITEM_SYNC] || valid_symbols[SECTION_SYNC] || valid_symbols[CANVAS_SYNC] ||
                    valid_symbols[KEY_START] || valid_symbols[NAME_START] || valid_symbols[SAME_LINE];
  if (bol && sync_valid) {
    int token = sync_token(lexer);
    if (token >= 0) {
      // Also where the grammar does not take it: that is the syntax error.
      lexer->result_symbol = (TSSymbol)token;
      return true;
    }
  }
  if (valid_symbols[NAME_START]) {
    lexer->result_symbol = NAME_START;
    return true;
  }
  return false;
}
