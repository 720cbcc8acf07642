'use strict';
// Activation test: loads the compiled extension (out/extension.js) under plain Node,
// with test/vscode-stub.js in place of the `vscode` module, and checks that it starts
// the REAL `vpc lsp` ($VPC_BIN) through the REAL vscode-languageclient, that the LSP
// handshake completes, that diagnostics, hover and formatting flow through the
// client's providers, that a settings change restarts the server, and that a missing
// binary gives a clear error message.
//
//   VPC_BIN=/path/to/vpc node test/activation.js
//
// What it cannot show: VS Code itself (its extension host, the UI, the TextMate
// grammar in the editor). `vsce package` plus test/check-vsix.js cover the packaging.

const assert = require('assert');
const fs = require('fs');
const Module = require('module');
const os = require('os');
const path = require('path');

const TIMEOUT = 20000;
const root = path.resolve(__dirname, '..');
const repo = path.resolve(root, '..', '..');
const bin = process.env.VPC_BIN;
if (!bin) {
  console.error('activation: set VPC_BIN to the vpc binary');
  process.exit(2);
}
// The extension to load: this folder (after `npm run compile`), or an unpacked .vsix
// (its extension/ folder), given as VPC_EXTENSION_DIR.
const extensionDir = path.resolve(process.env.VPC_EXTENSION_DIR || root);
const extensionJs = path.join(extensionDir, 'out', 'extension.js');
if (!fs.existsSync(extensionJs)) {
  console.error(`activation: ${extensionJs} is missing: run \`npm run compile\` first`);
  process.exit(2);
}

// `require('vscode')` → the stub, for the extension and for vscode-languageclient.
const stubPath = path.join(__dirname, 'vscode-stub.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? stubPath : resolve.call(this, request, ...rest);
};
const vscode = require('vscode');
const { state, missing, TextDocument } = vscode.__stub;
const ext = require(extensionJs);
const pkg = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
console.log(`activation: ${extensionJs}`);

let passed = 0;
const failed = [];
async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed.push(name);
    console.log(`FAIL ${name}\n     ${String((e && e.stack) || e).replace(/\n/g, '\n     ')}`);
  }
}

async function waitFor(what, cond, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timeout waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of the server process of `client` (vscode-languageclient keeps it here). */
function serverPid(client) {
  const p = client && client._serverProcess;
  return p && p.pid;
}

function provider(kind) {
  const entry = state.providers.find((p) => p.kind === kind);
  assert(entry, `no ${kind} registered; registered: ${[...new Set(state.providers.map((p) => p.kind))].join(', ')}`);
  assert(vscode.languages.match(entry.selector, documents.flawed) > 0, `${kind} selector does not match a .vpc document`);
  return entry.provider;
}

const token = () => new vscode.CancellationTokenSource().token;

// A scratch workspace with a copy of two examples, "open" in the fake editor.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-vscode-'));
const documents = {};
for (const name of ['flawed', 'wedding']) {
  const file = path.join(dir, `${name}.vpc`);
  fs.copyFileSync(path.join(repo, 'examples', `${name}.vpc`), file);
  documents[name] = new TextDocument(vscode.Uri.file(file), 'vpc', fs.readFileSync(file, 'utf8'));
}
state.documents.push(documents.flawed, documents.wedding);
state.workspaceFolders = [{ uri: vscode.Uri.file(dir), name: 'scratch', index: 0 }];
state.settings['vpc.server.path'] = bin;
state.settings['vpc.diagnosticDelayMs'] = 0;
state.settings['vpc.trace.server'] = 'messages';

const context = { subscriptions: [], extensionPath: extensionDir, extensionUri: vscode.Uri.file(extensionDir) };

function findPosition(doc, context, needle) {
  const lines = doc.getText().split('\n');
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].indexOf(context);
    if (at >= 0) return new vscode.Position(i, at + context.indexOf(needle || context));
  }
  throw new Error(`no ${context}`);
}

function applyEdits(text, edits) {
  const doc = new TextDocument(vscode.Uri.file('/x.vpc'), 'vpc', text);
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  for (const e of sorted) {
    text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
  }
  return text;
}

async function main() {
  let firstPid;

  await check('activate: the extension starts `vpc lsp` and the LSP handshake completes', async () => {
    const api = await ext.activate(context);
    const client = api.getClient();
    assert(client, 'no client after activation');
    await waitFor('the client to be running', () => client.isRunning());
    const init = client.initializeResult;
    assert(init && init.capabilities, 'no initialize result');
    assert.strictEqual(init.capabilities.hoverProvider, true, 'hoverProvider');
    assert(init.capabilities.documentFormattingProvider, 'documentFormattingProvider');
    firstPid = serverPid(client);
    assert(firstPid && alive(firstPid), 'no server process');
    const args = fs.readFileSync(`/proc/${firstPid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    assert.deepStrictEqual(args.slice(1), ['lsp'], 'server arguments');
    assert.strictEqual(fs.realpathSync(args[0]), fs.realpathSync(bin), 'server binary');
    assert.match(state.outputs.get('VPC Language Server'), /Starting .* lsp/);
  });

  await check('vpc.trace.server: the LSP traffic in the trace channel', async () => {
    const trace = state.outputs.get('VPC Language Server Trace') || '';
    assert(trace.includes("Sending request 'initialize"), `no initialize in the trace:\n${trace.slice(0, 500)}`);
  });

  await check('commands: the two of package.json are registered', async () => {
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    assert.deepStrictEqual(contributed, ['vpc.restartServer', 'vpc.showOutput']);
    for (const id of contributed) assert(state.commands.has(id), `${id} not registered`);
    let shown;
    state.events.once('show', (name) => (shown = name));
    await vscode.commands.executeCommand('vpc.showOutput');
    assert.strictEqual(shown, 'VPC Language Server');
  });

  await check('providers: the server capabilities became VS Code providers for `vpc`', async () => {
    for (const kind of [
      'CompletionItemProvider', 'HoverProvider', 'DefinitionProvider', 'ReferenceProvider', 'RenameProvider',
      'DocumentHighlightProvider', 'DocumentSymbolProvider', 'DocumentFormattingEditProvider',
      'CodeActionsProvider', 'FoldingRangeProvider', 'SelectionRangeProvider', 'InlayHintsProvider',
      'CodeLensProvider', 'DocumentSemanticTokensProvider',
    ]) {
      provider(kind);
    }
  });

  await check('diagnostics: flawed.vpc gets the lints, with codes, in the diagnostics collection', async () => {
    const uri = documents.flawed.uri.toString();
    const diags = await waitFor('diagnostics of flawed.vpc', () => {
      const d = state.diagnostics.get(uri);
      return d && d.length > 0 && d;
    });
    const codes = new Set(diags.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)));
    for (const code of ['unknown-reference', 'duplicate-id', 'unrelieved-pain', 'missing-section']) {
      assert(codes.has(code), `no ${code} in ${[...codes].join(', ')}`);
    }
    assert(diags.every((d) => d.source === 'vpc'), 'source vpc');
    assert(diags.every((d) => d.range instanceof vscode.Range), 'ranges converted');
    const withLink = diags.find((d) => typeof d.code === 'object' && d.code.target);
    assert(withLink, 'a diagnostic with a link to its docs');
  });

  await check('hover: through the registered provider, answered by the server', async () => {
    const doc = documents.wedding;
    const hover = await provider('HoverProvider').provideHover(doc, findPosition(doc, 'pain no-time', 'no-time'), token());
    assert(hover, 'no hover');
    const text = hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert(text.includes('Might not have time'), text);
  });

  await check('completion: severities after `severity:`, through the registered provider', async () => {
    const doc = documents.wedding;
    const result = await provider('CompletionItemProvider').provideCompletionItems(
      doc, findPosition(doc, 'severity: severe }', 'severe'), token(), { triggerKind: vscode.CompletionTriggerKind.Invoke });
    const items = Array.isArray(result) ? result : result.items;
    const labels = items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert(labels.includes('extreme') && labels.includes('negligible'), labels.join(', '));
  });

  await check('formatting: through the registered provider, is `vpc fmt`', async () => {
    const file = path.join(dir, 'messy.vpc');
    const messy = 'canvas c "C" { segment s "S" {\njob a "A" {importance:high,kind:functional}}}\n';
    fs.writeFileSync(file, messy);
    const doc = new TextDocument(vscode.Uri.file(file), 'vpc', messy);
    state.documents.push(doc);
    state.openEmitter.fire(doc);
    const edits = await provider('DocumentFormattingEditProvider').provideDocumentFormattingEdits(
      doc, { tabSize: 2, insertSpaces: true }, token());
    assert(edits && edits.length > 0, 'no edits');
    assert.strictEqual(
      applyEdits(messy, edits),
      'canvas c "C" {\n  segment s "S" {\n    job a "A" { kind: functional, importance: high }\n  }\n}\n',
    );
  });

  await check('settings: a change of vpc.diagnosticDelayMs restarts the server', async () => {
    state.settings['vpc.diagnosticDelayMs'] = 5;
    state.configurationEmitter.fire({ affectsConfiguration: (s) => 'vpc.diagnosticDelayMs'.startsWith(s) || s === 'vpc.diagnosticDelayMs' });
    await waitFor('the old server to exit', () => !alive(firstPid));
    const client = await waitFor('a new running client', () => {
      const c = ext.getClient();
      return c && c.isRunning() && serverPid(c) !== firstPid && c;
    });
    assert(alive(serverPid(client)), 'new server alive');
    assert.deepStrictEqual(client.clientOptions.initializationOptions, { diagnosticDelayMs: 5 }, 'the new delay sent');
    // An unrelated setting leaves it alone.
    const pid = serverPid(client);
    state.configurationEmitter.fire({ affectsConfiguration: (s) => s === 'editor.fontSize' || s === 'editor' });
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(serverPid(ext.getClient()), pid, 'restarted on an unrelated setting');
  });

  await check('vpc.restartServer: a new server process', async () => {
    const before = serverPid(ext.getClient());
    await vscode.commands.executeCommand('vpc.restartServer');
    const c = ext.getClient();
    assert(c && c.isRunning(), 'running after restart');
    assert.notStrictEqual(serverPid(c), before);
    assert(!alive(before) || (await waitFor('old server exit', () => !alive(before))));
  });

  await check('missing binary: a clear error naming vpc.server.path and how to install', async () => {
    const before = serverPid(ext.getClient());
    state.messages.length = 0;
    state.settings['vpc.server.path'] = path.join(dir, 'no-such-dir', 'vpc');
    state.configurationEmitter.fire({ affectsConfiguration: (s) => 'vpc.server.path'.startsWith(s) });
    const msg = await waitFor('an error message', () => state.messages.find((m) => m.level === 'error'));
    assert(msg.message.includes(path.join(dir, 'no-such-dir', 'vpc')), msg.message);
    assert(msg.message.includes('vpc.server.path'), msg.message);
    assert(msg.message.includes('cargo install'), msg.message);
    assert.deepStrictEqual(msg.items, ['Open Settings', 'How to Install']);
    assert.strictEqual(ext.getClient(), undefined, 'no client without a binary');
    await waitFor('the old server to exit', () => !alive(before));

    // A bare name is looked up on PATH.
    state.messages.length = 0;
    state.settings['vpc.server.path'] = 'vpc-not-installed-anywhere';
    state.configurationEmitter.fire({ affectsConfiguration: (s) => 'vpc.server.path'.startsWith(s) });
    const msg2 = await waitFor('an error message', () => state.messages.find((m) => m.level === 'error'));
    assert(msg2.message.includes('`vpc-not-installed-anywhere` was not found on PATH'), msg2.message);
  });

  await check('PATH: the default `vpc` is found on PATH', async () => {
    const binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-path-'));
    fs.symlinkSync(path.resolve(bin), path.join(binDir, 'vpc'));
    assert.strictEqual(ext.resolveServerPath('vpc', { PATH: `/nonexistent${path.delimiter}${binDir}` }), path.join(binDir, 'vpc'));
    assert.strictEqual(ext.resolveServerPath('vpc', { PATH: '/nonexistent' }), undefined);
    fs.rmSync(binDir, { recursive: true });
    // Through the extension: setting back to the default with the binary on PATH.
    process.env.PATH = `${path.dirname(path.resolve(bin))}${path.delimiter}${process.env.PATH}`;
    const named = path.basename(bin);
    state.settings['vpc.server.path'] = named;
    state.configurationEmitter.fire({ affectsConfiguration: (s) => 'vpc.server.path'.startsWith(s) });
    await waitFor('a running client', () => ext.getClient() && ext.getClient().isRunning());
  });

  await check('deactivate: the server exits', async () => {
    const pid = serverPid(ext.getClient());
    await ext.deactivate();
    await waitFor('the server to exit', () => !alive(pid));
    assert.strictEqual(ext.getClient(), undefined);
  });

  await check('the stub covered every vscode API member the extension and the client used', async () => {
    assert.deepStrictEqual([...missing].sort(), [], 'members the stub lacks (a silent gap would weaken this test)');
  });

  fs.rmSync(dir, { recursive: true, force: true });
  if (failed.length === 0) {
    console.log(`activation: ${passed} passed, 0 failed`);
    process.exit(0);
  }
  console.log(`activation: ${passed} passed, ${failed.length} failed: ${failed.join('; ')}`);
  process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
