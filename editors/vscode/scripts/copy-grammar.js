#!/usr/bin/env node
// Copies the TextMate grammar and the language configuration from grammar/textmate/
// (the one source of truth, shared with other editors) into syntaxes/, which is
// git-ignored. Run by `npm run compile` and so by `vscode:prepublish`.
'use strict';
const fs = require('fs');
const path = require('path');
const { parseJsonc } = require('./jsonc');

const source = path.resolve(__dirname, '..', '..', '..', 'grammar', 'textmate');
const target = path.resolve(__dirname, '..', 'syntaxes');
const files = ['vpc.tmLanguage.json', 'language-configuration.json'];

fs.mkdirSync(target, { recursive: true });
for (const name of files) {
  const from = path.join(source, name);
  if (!fs.existsSync(from)) {
    console.error(`copy-grammar: ${from} is missing (the grammar lives in grammar/textmate/ of the repository)`);
    process.exit(1);
  }
  const text = fs.readFileSync(from, 'utf8');
  try {
    (name.endsWith('.tmLanguage.json') ? JSON.parse : parseJsonc)(text);
  } catch (e) {
    console.error(`copy-grammar: ${from} is not valid JSON: ${e.message}`);
    process.exit(1);
  }
  fs.writeFileSync(path.join(target, name), text);
  console.log(`copy-grammar: ${path.relative(process.cwd(), from)} -> ${path.relative(process.cwd(), path.join(target, name))}`);
}
