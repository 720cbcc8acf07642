#!/usr/bin/env node
// Tokenizes files with the TextMate grammar (vscode-textmate, as VS Code does) and
// fails if any token of them is scoped invalid.*: valid .vpc text must not show errors.
// Usage: check-textmate.js FILE...
'use strict';
const fs = require('fs');
const path = require('path');

const grammarDir = path.resolve(__dirname, '..');
const mod = name => require(path.join(grammarDir, 'node_modules', name));
const vsctm = mod('vscode-textmate');
const oniguruma = mod('vscode-oniguruma');

const wasm = fs.readFileSync(path.join(grammarDir, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer;
const onigLib = oniguruma.loadWASM(wasm).then(() => ({
  createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
  createOnigString: s => new oniguruma.OnigString(s),
}));
const grammarPath = path.join(grammarDir, 'textmate/vpc.tmLanguage.json');
const registry = new vsctm.Registry({
  onigLib,
  loadGrammar: async scope =>
    scope === 'source.vpc' ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
});

(async () => {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error('usage: check-textmate.js FILE...');
  const grammar = await registry.loadGrammar('source.vpc');
  let bad = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    let stack = vsctm.INITIAL;
    const problems = [];
    text.split(/\r\n|\n|\r/).forEach((line, i) => {
      const r = grammar.tokenizeLine(line, stack);
      for (const t of r.tokens) {
        if (t.scopes.some(s => s.startsWith('invalid'))) {
          problems.push(`${i + 1}:${t.startIndex + 1} ${JSON.stringify(line.slice(t.startIndex, t.endIndex))} ${t.scopes.join(' ')}`);
        }
      }
      stack = r.ruleStack;
    });
    const name = path.relative(process.cwd(), file);
    if (problems.length) {
      bad++;
      console.log(`FAIL ${name}\n  ${problems.slice(0, 5).join('\n  ')}`);
    } else {
      console.log(`ok   ${name}`);
    }
  }
  if (bad) {
    console.log(`${bad} file(s) have invalid tokens`);
    process.exit(1);
  }
})().catch(e => {
  console.error(e);
  process.exit(1);
});
