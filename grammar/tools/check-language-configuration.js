#!/usr/bin/env node
// Checks textmate/language-configuration.json: valid JSON, every regular expression
// compiles, and the word pattern matches exactly the identifiers and numbers of the
// language (spec §2).
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert');

const file = path.resolve(__dirname, '../textmate/language-configuration.json');
const config = JSON.parse(fs.readFileSync(file, 'utf8'));

assert.deepStrictEqual(config.comments, { lineComment: '//' });
assert.deepStrictEqual(config.brackets, [['{', '}'], ['[', ']']]);
for (const pair of config.autoClosingPairs) assert.ok(pair.open && pair.close, 'autoClosingPairs entry');

const regexps = [
  config.wordPattern,
  config.folding.markers.start,
  config.folding.markers.end,
  config.indentationRules.increaseIndentPattern,
  config.indentationRules.decreaseIndentPattern,
];
for (const r of regexps) new RegExp(r); // throws on a bad pattern

const word = new RegExp(`^(?:${config.wordPattern})$`);
for (const w of ['no-time', 'value-map', 'co-creator', '_x', 'a1', 'nice-to-have', '9', '9.5']) {
  assert.ok(word.test(w), `wordPattern should match ${w}`);
}
for (const w of ['9am', '-x', 'été', 'a.b', '"x"', 'a:']) assert.ok(!word.test(w), `wordPattern should not match ${w}`);

const fold = new RegExp(config.folding.markers.start);
assert.ok(fold.test('  // region Pains') && fold.test('// #region'));
const indent = new RegExp(config.indentationRules.increaseIndentPattern);
assert.ok(indent.test('  job a "A" {') && indent.test('  job: [ // jobs') && !indent.test('  job a "A" { importance: high }'));
assert.ok(!indent.test('// a comment {'));
console.log(`ok   ${path.relative(process.cwd(), file)}`);
