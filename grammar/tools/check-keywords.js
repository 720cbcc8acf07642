#!/usr/bin/env node
// Checks that the grammars use the keyword and value sets of the Rust parser:
// crates/vpc-syntax/src/{ast.rs,schema.rs} (item and block keywords, reference keys,
// value sets) and crates/vpc-model/src/lints/mod.rs (diagnostic codes for `allow:`).
// Fails with a list of differences.
'use strict';
const fs = require('fs');
const path = require('path');

const grammarDir = path.resolve(__dirname, '..');
const root = path.resolve(grammarDir, '..');
const read = p => fs.readFileSync(path.join(root, p), 'utf8');

const ast = read('crates/vpc-syntax/src/ast.rs');
const schema = read('crates/vpc-syntax/src/schema.rs');
const lints = read('crates/vpc-model/src/lints/mod.rs');
const grammarJs = read('grammar/tree-sitter-vpc/grammar.js');
const scanner = read('grammar/tree-sitter-vpc/src/scanner.c');
const tm = JSON.parse(read('grammar/textmate/vpc.tmLanguage.json'));

const strings = text => [...text.matchAll(/"([^"]*)"/g)].map(m => m[1]);
const quoted = text => [...text.matchAll(/'([^']*)'/g)].map(m => m[1]);
const sorted = xs => [...new Set(xs)].sort();
let failures = 0;
function same(what, expected, actual) {
  const e = sorted(expected), a = sorted(actual);
  if (JSON.stringify(e) === JSON.stringify(a)) {
    console.log(`ok   ${what}: ${e.join(' ')}`);
  } else {
    failures++;
    console.log(`FAIL ${what}\n     expected (Rust): ${e.join(' ')}\n     found:           ${a.join(' ')}`);
  }
}

// Rust: keywords.
const blockKw = [...ast.matchAll(/BlockKind::\w+ => "([^"]+)"/g)].map(m => m[1]);
const itemKw = [...ast.matchAll(/ItemKind::\w+ => "([^"]+)"/g)].map(m => m[1]);
const segmentItems = [...ast.matchAll(/ItemKind::(\w+) => "([^"]+)"/g)]
  .filter(m => /Job|Pain|Gain|Outcome/.test(m[1])).map(m => m[2]);
const mapItems = itemKw.filter(k => !segmentItems.includes(k));
if (blockKw.length !== 3 || itemKw.length !== 7) {
  console.log(`FAIL could not read the keywords from ast.rs (${blockKw} / ${itemKw})`);
  process.exit(1);
}
// Rust: attribute keys whose values are references, and every value set.
const refKeys = [...schema.matchAll(/a\("([^"]+)", References\(/g)].map(m => m[1]);
const sets = {};
for (const m of schema.matchAll(/pub const (\w+): &\[&str\] = &\[([^\]]*)\]/g)) sets[m[1]] = strings(m[2]);
const enumWords = Object.values(sets).flat();
const codes = [...lints.matchAll(/^\s*\w+ = "([a-z-]+)", (?:Error|Warning|Info)/gm)].map(m => m[1]);
if (refKeys.length === 0 || Object.keys(sets).length < 10 || codes.length < 10) {
  console.log('FAIL could not read schema.rs or lints/mod.rs');
  process.exit(1);
}

// tree-sitter grammar.js
const constant = name => {
  const m = grammarJs.match(new RegExp(`const ${name} = \\[([^\\]]*)\\]`));
  return m ? quoted(m[1]) : [];
};
same('grammar.js SEGMENT_ITEMS', segmentItems, constant('SEGMENT_ITEMS'));
same('grammar.js MAP_ITEMS', mapItems, constant('MAP_ITEMS'));
same('grammar.js BLOCKS', blockKw, constant('BLOCKS'));
same('grammar.js REFERENCE_KEYS', refKeys, constant('REFERENCE_KEYS'));
const depth = grammarJs.match(/const MAX_LIST_DEPTH = (\d+)/);
const rustDepth = read('crates/vpc-syntax/src/lexer.rs').match(/pub const MAX_LIST_DEPTH: usize = (\d+)/);
same('grammar.js MAX_LIST_DEPTH', [rustDepth && rustDepth[1]], [depth && depth[1]]);

// tree-sitter scanner.c
const cArray = name => {
  const m = scanner.match(new RegExp(`${name}\\[\\] = \\{([^}]*)\\}`));
  return m ? strings(m[1]) : [];
};
same('scanner.c ITEM_KEYWORDS', itemKw, cArray('ITEM_KEYWORDS'));
same('scanner.c BLOCK_KEYWORDS', blockKw, cArray('BLOCK_KEYWORDS'));

// TextMate grammar: the alternations of the rules.
const alternation = re => {
  const m = re.match(/\(\?:([^()]*)\)/);
  return m ? m[1].split('|').map(w => w.replace(/\\-/g, '-')) : [];
};
const repo = tm.repository;
same('tmLanguage block-header', blockKw, alternation(repo['block-header'].match));
same('tmLanguage item-header', itemKw, alternation(repo['item-header'].match));
same('tmLanguage reference keys', refKeys, alternation(repo.attribute.patterns[0].begin));
same('tmLanguage enum values', enumWords, alternation(repo.enum.match));
same('tmLanguage diagnostic codes', codes, alternation(repo.code.patterns[0].match));

// The number token (lexer.rs `Number`, with its optional `%`) and the identifier token.
const lexer = read('crates/vpc-syntax/src/lexer.rs');
const rustToken = name => {
  const m = lexer.match(new RegExp(`#\\[regex\\(r"([^"]*)"\\)\\]\\s*${name},`));
  return m ? m[1] : null;
};
const tsToken = name => {
  const m = grammarJs.match(new RegExp(`^\\s*${name}: _ => /(.*)/,$`, 'm'));
  return m ? m[1] : null;
};
// The TextMate rule without its look-behind, and with plain groups: `(?:x)` and `(x)` as `(x)`.
const tmToken = re => re.replace(/^\(\?<![^)]*\)/, '').replace(/\(\?:/g, '(');
same('grammar.js number', [rustToken('Number')], [tsToken('number')]);
same('grammar.js identifier', [rustToken('Ident')], [tsToken('identifier')]);
same('tmLanguage number', [rustToken('Number')], [tmToken(repo.number.match).replace(/\(%\)\?$/, '%?')]);

if (failures) {
  console.log(`${failures} set(s) differ from the Rust sources`);
  process.exit(1);
}
