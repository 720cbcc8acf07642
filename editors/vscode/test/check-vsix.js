'use strict';
// Checks a packaged .vsix (made by `vsce package`): the files VS Code needs are in it,
// and what package.json contributes is consistent with them.
//
//   node test/check-vsix.js vpc.vsix

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const AdmZip = require('adm-zip');
const { parseJsonc } = require('../scripts/jsonc');

const vsixPath = process.argv[2];
if (!vsixPath || !fs.existsSync(vsixPath)) {
  console.error(`check-vsix: no such .vsix: ${vsixPath} (run \`npx vsce package --out vpc.vsix\` first)`);
  process.exit(2);
}
const repo = path.resolve(__dirname, '..', '..', '..');
const zip = new AdmZip(vsixPath);
const names = new Set(zip.getEntries().map((e) => e.entryName));
const read = (name) => {
  const entry = zip.getEntry(name);
  assert(entry, `${name} is not in the .vsix`);
  return entry.getData().toString('utf8');
};
/** A path of package.json (`./syntaxes/x.json`) → its entry in the .vsix. */
const entryOf = (p) => `extension/${path.posix.normalize(p.replace(/^\.\//, ''))}`;

let passed = 0;
const failed = [];
function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed.push(name);
    console.log(`FAIL ${name}\n     ${String(e.message || e).replace(/\n/g, '\n     ')}`);
  }
}

const pkg = JSON.parse(read('extension/package.json'));
const manifest = read('extension.vsixmanifest');

check('the manifest and package.json: name, publisher, engine', () => {
  assert.strictEqual(pkg.name, 'vpc');
  assert(pkg.publisher, 'publisher');
  assert.match(pkg.engines.vscode, /^\^1\.\d+\.\d+$/);
  assert(manifest.includes(`Id="${pkg.name}"`) && manifest.includes(`Publisher="${pkg.publisher}"`), 'vsixmanifest identity');
  assert(pkg.activationEvents.includes('onLanguage:vpc'), 'activationEvents onLanguage:vpc');
});

check('the compiled extension is the `main` of package.json', () => {
  const main = entryOf(pkg.main.endsWith('.js') ? pkg.main : `${pkg.main}.js`);
  const js = read(main);
  // CommonJS from esbuild: the export map names activate and deactivate.
  assert(/\bactivate\s*:\s*\(\)\s*=>/.test(js) && /\bdeactivate\s*:\s*\(\)\s*=>/.test(js), `${main} exports activate and deactivate`);
});

check('extension.js is one bundle: it needs only `vscode` and Node built-ins, no node_modules/', () => {
  const js = read(entryOf(pkg.main));
  const builtins = new Set(require('module').builtinModules);
  const required = [...js.matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
  assert(required.includes('vscode'), 'requires vscode');
  const others = required.filter((r) => r !== 'vscode' && !builtins.has(r.replace(/^node:/, '')));
  assert.deepStrictEqual([...new Set(others)], [], 'non-builtin requires');
  assert(js.includes('vscode-languageclient') || js.includes('LanguageClient'), 'vscode-languageclient bundled');
  assert.deepStrictEqual([...names].filter((n) => n.includes('node_modules/')), [], 'node_modules in the .vsix');
});

check('out/THIRD_PARTY_NOTICES.txt has the license of every bundled package', () => {
  const notices = read('extension/out/THIRD_PARTY_NOTICES.txt');
  for (const dep of ['vscode-languageclient', 'vscode-languageserver-protocol', 'vscode-jsonrpc', 'vscode-languageserver-types']) {
    assert(new RegExp(`^${dep}@\\d`, 'm').test(notices), `no ${dep} in the notices`);
  }
  assert(/Permission is hereby granted/.test(notices), 'license texts');
});

check('no sources, tests, dev dependencies or build scripts in the .vsix', () => {
  const unwanted = [...names].filter(
    (n) =>
      /^extension\/(src|test|scripts)\//.test(n) ||
      /^extension\/node_modules\/(typescript|@vscode\/vsce|@types|adm-zip)\//.test(n) ||
      n === 'extension/tsconfig.json' ||
      n.endsWith('.map') ||
      n === 'extension/out/meta.json' ||
      n.endsWith('.vsix'),
  );
  assert.deepStrictEqual(unwanted, []);
});

check('the language `vpc`: .vpc files, aliases, its language configuration', () => {
  const langs = pkg.contributes.languages;
  const vpc = langs.find((l) => l.id === 'vpc');
  assert(vpc, 'language vpc');
  assert.deepStrictEqual(vpc.extensions, ['.vpc']);
  assert(vpc.aliases && vpc.aliases.length > 0, 'aliases');
  const config = parseJsonc(read(entryOf(vpc.configuration)));
  const source = parseJsonc(fs.readFileSync(path.join(repo, 'grammar', 'textmate', 'language-configuration.json'), 'utf8'));
  assert.deepStrictEqual(config, source, 'the packaged configuration is the one of grammar/textmate/');
  assert.strictEqual(config.comments && config.comments.lineComment, '//', 'line comment //');
  assert(Array.isArray(config.brackets) && config.brackets.some(([o, c]) => o === '{' && c === '}'), 'brackets {}');
});

check('the grammar: the contributed scopeName is the one of the packaged grammar', () => {
  const grammars = pkg.contributes.grammars;
  assert.strictEqual(grammars.length, 1);
  const [g] = grammars;
  assert.strictEqual(g.language, 'vpc');
  assert.strictEqual(g.scopeName, 'source.vpc');
  const grammar = JSON.parse(read(entryOf(g.path)));
  assert.strictEqual(grammar.scopeName, g.scopeName, 'scopeName in the grammar file');
  assert(Array.isArray(grammar.patterns) && grammar.patterns.length > 0, 'grammar has patterns');
  const source = JSON.parse(fs.readFileSync(path.join(repo, 'grammar', 'textmate', 'vpc.tmLanguage.json'), 'utf8'));
  assert.deepStrictEqual(grammar, source, 'the packaged grammar is the one of grammar/textmate/');
  // Every `include` of a repository rule resolves.
  const repoRules = grammar.repository || {};
  const includes = JSON.stringify(grammar).match(/"include":"#[^"]+"/g) || [];
  for (const inc of includes) {
    const key = inc.slice('"include":"#'.length, -1);
    assert(key in repoRules, `include #${key} has no rule in the repository`);
  }
});

check('settings: vpc.server.path (default vpc), extraArgs, diagnosticDelayMs, trace.server', () => {
  const props = pkg.contributes.configuration.properties;
  assert.deepStrictEqual(Object.keys(props).sort(), [
    'vpc.diagnosticDelayMs', 'vpc.server.extraArgs', 'vpc.server.path', 'vpc.trace.server',
  ]);
  assert.strictEqual(props['vpc.server.path'].default, 'vpc');
  assert.strictEqual(props['vpc.server.extraArgs'].type, 'array');
  assert.strictEqual(props['vpc.diagnosticDelayMs'].type, 'integer');
  assert.deepStrictEqual(props['vpc.trace.server'].enum, ['off', 'messages', 'verbose']);
  const js = read(entryOf(pkg.main));
  for (const key of ['server.path', 'server.extraArgs', 'diagnosticDelayMs']) {
    assert(js.includes(`'${key}'`) || js.includes(`"${key}"`) || js.includes(`\`${key}\``), `extension.js reads ${key}`);
  }
});

check('commands: each contributed command is registered by extension.js', () => {
  const js = read(entryOf(pkg.main));
  const ids = pkg.contributes.commands.map((c) => c.command);
  assert.deepStrictEqual(ids.sort(), ['vpc.restartServer', 'vpc.showOutput']);
  for (const id of ids) assert(new RegExp(`registerCommand\\((["'\`])${id.replace('.', '\\.')}\\1`).test(js), `${id} registered`);
  for (const c of pkg.contributes.commands) assert(c.title && c.category === 'VPC', `${c.command} has a title`);
});

check('README, CHANGELOG and LICENSE are in the .vsix', () => {
  for (const n of ['extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt']) {
    assert(names.has(n) || [...names].some((x) => x.toLowerCase() === n.toLowerCase()), `${n} missing; have ${[...names].filter((x) => !x.includes('node_modules')).join(', ')}`);
  }
});

if (failed.length === 0) {
  console.log(`check-vsix: ${passed} passed, 0 failed (${names.size} files in ${path.basename(vsixPath)})`);
} else {
  console.log(`check-vsix: ${passed} passed, ${failed.length} failed: ${failed.join('; ')}`);
  process.exit(1);
}
