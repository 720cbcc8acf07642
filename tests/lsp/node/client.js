#!/usr/bin/env node
// End-to-end test of `vpc lsp` through vscode-languageserver-protocol, the client
// library VS Code uses. Spawns the server (`$VPC_BIN lsp`), speaks UTF-16 as VS Code
// does, and checks sync, diagnostics and every feature; then types every example
// one character at a time (and deletes it again), asking for features at the
// cursor after every keystroke.
//
//   VPC_BIN=target/debug/vpc node tests/lsp/node/client.js [--quick]
//
// Environment: VPC_BIN (required), VPC_ARGS (default "lsp"), VPC_EXAMPLES (default
// the repository's examples/). `--quick` types only one example.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert/strict');
const { pathToFileURL } = require('node:url');
const lsp = require('vscode-languageserver-protocol/node');

const VPC_BIN = process.env.VPC_BIN;
const VPC_ARGS = (process.env.VPC_ARGS ?? 'lsp').split(' ').filter(Boolean);
const EXAMPLES = process.env.VPC_EXAMPLES ?? path.resolve(__dirname, '../../../examples');
const QUICK = process.argv.includes('--quick');
const TIMEOUT_MS = 20000;

if (!VPC_BIN) {
  console.error('Set VPC_BIN to the vpc binary, e.g. VPC_BIN=target/debug/vpc');
  process.exit(2);
}

// ---------------------------------------------------------------------------
// Text helpers: positions in UTF-16 code units, which is what JS strings index.

/** Offsets at which each line starts; lines end at \n, \r\n or a lone \r. */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') { starts.push(i + 2); i++; }
    else if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  return starts;
}

function positionAt(text, offset) {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

function offsetAt(text, pos) {
  const starts = lineStarts(text);
  if (pos.line >= starts.length) return text.length;
  const start = starts[pos.line];
  let end = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.min(start + pos.character, end);
}

function applyEdits(text, edits) {
  const spans = edits.map((e) => [offsetAt(text, e.range.start), offsetAt(text, e.range.end), e.newText]);
  spans.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  for (const [s, e, t] of spans) text = text.slice(0, s) + t + text.slice(e);
  return text;
}

/** The position of `needle` inside the first `context` of `text`. */
function find(text, context, needle = context) {
  const at = text.indexOf(context);
  assert.ok(at >= 0, `no ${JSON.stringify(context)}`);
  return positionAt(text, at + context.indexOf(needle));
}

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout: ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------
// The client.

class Client {
  constructor() {
    this.proc = spawn(VPC_BIN, VPC_ARGS, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => { this.stderr += d; });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.conn = lsp.createProtocolConnection(
      new lsp.StreamMessageReader(this.proc.stdout),
      new lsp.StreamMessageWriter(this.proc.stdin),
    );
    this.diagnostics = new Map(); // uri -> [{version, diagnostics}]
    this.waiters = [];
    this.messages = [];
    this.logs = [];
    this.registrations = [];
    this.conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      this.wake();
    });
    this.conn.onNotification(lsp.ShowMessageNotification.type, (p) => { this.messages.push(p); this.wake(); });
    this.conn.onNotification(lsp.LogMessageNotification.type, (p) => { this.logs.push(p); });
    this.conn.onRequest(lsp.RegistrationRequest.type, (p) => { this.registrations.push(...p.registrations); return null; });
    this.conn.onRequest(lsp.WorkDoneProgressCreateRequest.type, () => null);
    this.conn.listen();
  }

  wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Wait until `check()` returns something truthy. */
  async until(what, check) {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const found = check();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timeout waiting for ${what}`);
      await new Promise((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async diagnosticsOf(uri, version) {
    const p = await this.until(`diagnostics of ${uri} v${version}`, () =>
      (this.diagnostics.get(uri) ?? []).find((d) => d.version === version));
    return p.diagnostics;
  }

  request(type, params) {
    return withTimeout(this.conn.sendRequest(type, params), typeof type === 'string' ? type : type.method);
  }

  notify(type, params) {
    return this.conn.sendNotification(type, params);
  }

  async initialize(capabilities, initializationOptions = {}, rootUri = null) {
    const result = await this.request(lsp.InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'vpc-e2e-node' },
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      capabilities,
      initializationOptions,
    });
    await this.notify(lsp.InitializedNotification.type, {});
    return result;
  }

  open(uri, version, text) {
    return this.notify(lsp.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'vpc', version, text },
    });
  }

  change(uri, version, range, text) {
    return this.notify(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  async documentText(uri) {
    return this.request('vpc/documentText', { textDocument: { uri } });
  }

  async stop() {
    await this.request(lsp.ShutdownRequest.type, undefined);
    await this.notify(lsp.ExitNotification.type);
    const { code } = await withTimeout(this.exited, 'server exit');
    this.conn.dispose();
    return code;
  }
}

const CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    completion: { completionItem: { snippetSupport: true }, contextSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    semanticTokens: {
      requests: { full: true, range: true },
      tokenTypes: [], tokenModifiers: [], formats: ['relative'],
    },
    foldingRange: { lineFoldingOnly: true },
    rename: { prepareSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
  workspace: {
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    symbol: {},
  },
};

// ---------------------------------------------------------------------------
// The checks.

const results = [];

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push([name, false]);
    console.log(`FAIL ${name}\n     ${String(e.stack ?? e).split('\n').join('\n     ')}`);
  }
}

const codes = (ds) => ds.map((d) => d.code);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lsp-node-'));
  for (const name of fs.readdirSync(EXAMPLES).filter((n) => n.endsWith('.vpc'))) {
    fs.copyFileSync(path.join(EXAMPLES, name), path.join(dir, name));
  }
  const rootUri = pathToFileURL(dir).href;
  const uriOf = (name) => pathToFileURL(path.join(dir, name)).href;
  const example = (name) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

  const client = new Client();
  let init;
  await check('initialize negotiates UTF-16 and offers the features of spec §9', async () => {
    init = await client.initialize(CAPABILITIES, {}, rootUri);
    const caps = init.capabilities;
    assert.equal(caps.positionEncoding, 'utf-16');
    assert.equal(caps.textDocumentSync.change, lsp.TextDocumentSyncKind.Incremental);
    assert.deepEqual(caps.completionProvider.triggerCharacters, [':', '[', ',', ' ']);
    for (const key of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentHighlightProvider',
      'documentSymbolProvider', 'workspaceSymbolProvider', 'foldingRangeProvider', 'selectionRangeProvider',
      'documentFormattingProvider', 'documentRangeFormattingProvider', 'inlayHintProvider', 'codeLensProvider',
      'codeActionProvider', 'semanticTokensProvider', 'renameProvider']) {
      assert.ok(caps[key], `${key} missing`);
    }
    await client.until('watcher registration', () =>
      client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
  });

  // A document with emoji, CJK and CRLF line breaks.
  const scratch = uriOf('scratch.vpc');
  const TEXT = 'canvas c "Café ☕ 😀" {\r\n  segment s "S" {\r\n    pain p "痛い 😩" { severity: severe }\r\n  }\r\n}\r\n';
  await check('diagnostics after open: codes, ranges, links, source, version', async () => {
    await client.open(scratch, 1, TEXT);
    const ds = await client.diagnosticsOf(scratch, 1);
    assert.deepEqual(codes(ds), ['missing-section', 'unrelieved-pain']);
    const pain = ds.find((d) => d.code === 'unrelieved-pain');
    assert.deepEqual(pain.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 10 } });
    assert.equal(pain.source, 'vpc');
    assert.equal(pain.severity, lsp.DiagnosticSeverity.Warning);
    assert.match(pain.codeDescription.href, /#unrelieved-pain$/);
  });

  await check('incremental edits after emoji and across CRLF', async () => {
    let text = TEXT;
    const edit = async (version, start, end, newText) => {
      const range = { start: positionAt(text, start), end: positionAt(text, end) };
      text = text.slice(0, start) + newText + text.slice(end);
      await client.change(scratch, version, range, newText);
    };
    const lineEnd = text.indexOf('\r\n', text.indexOf('pain p'));
    await edit(2, lineEnd, lineEnd, '\r\n    pain q "😩😩" { severity: huge }');
    let ds = await client.diagnosticsOf(scratch, 2);
    const invalid = ds.find((d) => d.code === 'invalid-value');
    assert.ok(invalid, JSON.stringify(ds));
    assert.deepEqual(invalid.range, { start: { line: 3, character: 30 }, end: { line: 3, character: 34 } });
    const emoji = text.indexOf('😀');
    await edit(3, emoji, emoji + 2, '🎉🎉');
    // Delete the line just added, with its CRLF.
    const from = text.indexOf('\r\n    pain q');
    await edit(4, from, text.indexOf('\r\n', from + 2), '');
    // A burst: type a comment at the end, one character at a time.
    let version = 4;
    for (const c of '// done') {
      version++;
      await edit(version, text.length, text.length, c);
    }
    const server = await client.documentText(scratch);
    assert.equal(server.version, version);
    assert.equal(server.text, text);
    ds = await client.diagnosticsOf(scratch, version);
    assert.deepEqual(codes(ds), ['missing-section', 'unrelieved-pain']);
    // Debounced: the burst of seven keystrokes got one publication.
    const published = client.diagnostics.get(scratch).filter((d) => d.version > 4).map((d) => d.version);
    assert.deepEqual(published, [version]);
  });

  const wedding = uriOf('wedding.vpc');
  const weddingText = example('wedding.vpc');
  await client.open(wedding, 1, weddingText);

  await check('completion: value sets and references by context', async () => {
    let text = weddingText;
    const at = text.indexOf('severity: severe }');
    // Replace `severe` by `s` and ask.
    const start = at + 'severity: '.length;
    await client.change(wedding, 2, { start: positionAt(text, start), end: positionAt(text, start + 'severe'.length) }, 's');
    text = text.slice(0, start) + 's' + text.slice(start + 'severe'.length);
    const items = await client.request(lsp.CompletionRequest.type, {
      textDocument: { uri: wedding }, position: positionAt(text, start + 1),
    });
    const list = Array.isArray(items) ? items : items.items;
    const labels = list.map((i) => i.label);
    assert.ok(labels.includes('severe'), labels.join(', '));
    // Put it back.
    await client.change(wedding, 3, { start: positionAt(text, start), end: positionAt(text, start + 1) }, 'severe');
    const back = await client.documentText(wedding);
    assert.equal(back.text, weddingText);
    // After `relieves: [`, the pains.
    const relieves = weddingText.indexOf('relieves: [unfinished') + 'relieves: ['.length;
    const refs = await client.request(lsp.CompletionRequest.type, {
      textDocument: { uri: wedding }, position: positionAt(weddingText, relieves),
    });
    const refLabels = (Array.isArray(refs) ? refs : refs.items).map((i) => i.label);
    // Pains only (those already in the list may be left out).
    assert.ok(refLabels.includes('overpay') && !refLabels.includes('carefree'), refLabels.join(', '));
  });

  await check('hover on a pain shows its text and rank', async () => {
    const hover = await client.request(lsp.HoverRequest.type, {
      textDocument: { uri: wedding }, position: find(weddingText, 'pain no-time', 'no-time'),
    });
    assert.ok(hover, 'no hover');
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /Might not have time/);
    assert.match(hover.contents.value, /severe/);
  });

  await check('definition, references, highlights', async () => {
    const ref = find(weddingText, 'relieves: [unfinished', 'unfinished');
    const def = await client.request(lsp.DefinitionRequest.type, { textDocument: { uri: wedding }, position: ref });
    const loc = Array.isArray(def) ? def[0] : def;
    assert.equal(loc.uri, wedding);
    assert.deepEqual(loc.range.start, find(weddingText, 'pain unfinished', 'unfinished'));
    const refs = await client.request(lsp.ReferencesRequest.type, {
      textDocument: { uri: wedding }, position: ref, context: { includeDeclaration: true },
    });
    assert.equal(refs.length, 3);
    const hl = await client.request(lsp.DocumentHighlightRequest.type, { textDocument: { uri: wedding }, position: ref });
    assert.equal(hl.length, 3);
  });

  await check('rename: prepare, then a versioned workspace edit', async () => {
    const pos = find(weddingText, 'pain no-time', 'no-time');
    const prepared = await client.request(lsp.PrepareRenameRequest.type, { textDocument: { uri: wedding }, position: pos });
    assert.equal(prepared.placeholder, 'no-time');
    const edit = await client.request(lsp.RenameRequest.type, { textDocument: { uri: wedding }, position: pos, newName: 'short-on-time' });
    const change = edit.documentChanges[0];
    assert.equal(change.textDocument.uri, wedding);
    assert.equal(change.textDocument.version, 3);
    const renamed = applyEdits(weddingText, change.edits);
    assert.equal((renamed.match(/short-on-time/g) ?? []).length, 4);
    assert.ok(!renamed.includes('no-time'));
  });

  await check('document symbols (hierarchical) and workspace symbols', async () => {
    const symbols = await client.request(lsp.DocumentSymbolRequest.type, { textDocument: { uri: wedding } });
    assert.equal(symbols[0].name, 'wedding');
    assert.deepEqual(symbols[0].children.map((s) => s.name), ['couples', 'offer']);
    const found = await client.request(lsp.WorkspaceSymbolRequest.type, { query: 'midnight' });
    assert.ok(found.length > 0, 'nothing for `midnight`');
    const all = await client.request(lsp.WorkspaceSymbolRequest.type, { query: 'rider' });
    assert.ok(all.some((s) => s.location.uri === uriOf('marketplace.vpc')), JSON.stringify(all.slice(0, 3)));
  });

  await check('semantic tokens: full and range, one line each, in the legend', async () => {
    const legend = init.capabilities.semanticTokensProvider.legend;
    const full = await client.request(lsp.SemanticTokensRequest.type, { textDocument: { uri: wedding } });
    assert.ok(full.data.length > 0 && full.data.length % 5 === 0);
    const lines = weddingText.split('\n');
    let line = 0; let col = 0;
    const kinds = new Set();
    for (let i = 0; i < full.data.length; i += 5) {
      const [dl, ds, len, type] = full.data.slice(i, i + 5);
      line += dl; col = dl === 0 ? col + ds : ds;
      assert.ok(col + len <= lines[line].length, `token past the end of line ${line}`);
      kinds.add(legend.tokenTypes[type]);
    }
    for (const kind of ['keyword', 'comment', 'string', 'property', 'event']) assert.ok(kinds.has(kind), `no ${kind}`);
    const range = await client.request(lsp.SemanticTokensRangeRequest.type, {
      textDocument: { uri: wedding }, range: { start: { line: 10, character: 0 }, end: { line: 20, character: 0 } },
    });
    assert.ok(range.data.length > 0 && range.data.length < full.data.length);
  });

  await check('formatting is `vpc fmt`; none on syntax errors', async () => {
    const uri = uriOf('messy.vpc');
    const messy = 'canvas c "C" { segment s "S" {\njob a "A" {importance:high,kind:functional}}}';
    await client.open(uri, 1, messy);
    const edits = await client.request(lsp.DocumentFormattingRequest.type, {
      textDocument: { uri }, options: { tabSize: 4, insertSpaces: true },
    });
    const tidy = 'canvas c "C" {\n  segment s "S" {\n    job a "A" { kind: functional, importance: high }\n  }\n}\n';
    assert.equal(applyEdits(messy, edits), tidy);
    await client.change(uri, 2, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '{ ');
    const none = await client.request(lsp.DocumentFormattingRequest.type, {
      textDocument: { uri }, options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(none ?? [], []);
  });

  const flawed = uriOf('flawed.vpc');
  const flawedText = example('flawed.vpc');
  await check('code actions: quick fixes with the diagnostics they fix', async () => {
    await client.open(flawed, 1, flawedText);
    const ds = await client.diagnosticsOf(flawed, 1);
    const unranked = ds.find((d) => d.code === 'unranked-job');
    assert.ok(unranked);
    const actions = await client.request(lsp.CodeActionRequest.type, {
      textDocument: { uri: flawed }, range: unranked.range, context: { diagnostics: [unranked] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && (a.diagnostics ?? []).some((d) => d.code === 'unranked-job'));
    assert.ok(fix, JSON.stringify(actions));
    const fixed = applyEdits(flawedText, fix.edit.documentChanges[0].edits);
    assert.match(fixed, /job fit-in "Feel at home in the new country" \{ kind: emotional, importance: \w+ \}/);
    const unknown = ds.find((d) => d.code === 'unknown-reference');
    const near = await client.request(lsp.CodeActionRequest.type, {
      textDocument: { uri: flawed }, range: unknown.range, context: { diagnostics: [unknown] },
    });
    assert.ok(near.some((a) => /no-partner/.test(a.title)), JSON.stringify(near.map((a) => a.title)));
  });

  await check('inlay hints and code lens', async () => {
    const hints = await client.request(lsp.InlayHintRequest.type, {
      textDocument: { uri: wedding }, range: { start: { line: 0, character: 0 }, end: positionAt(weddingText, weddingText.length) },
    });
    assert.ok(hints.length > 0, 'no inlay hints');
    const lens = await client.request(lsp.CodeLensRequest.type, { textDocument: { uri: wedding } });
    assert.ok(lens.length > 0 && /fit/.test(lens[0].command.title), JSON.stringify(lens));
  });

  await check('folding and selection ranges', async () => {
    const folds = await client.request(lsp.FoldingRangeRequest.type, { textDocument: { uri: wedding } });
    assert.ok(folds.length > 5);
    const sel = await client.request(lsp.SelectionRangeRequest.type, {
      textDocument: { uri: wedding }, positions: [find(weddingText, 'pain no-time', 'no-time')],
    });
    assert.equal(sel.length, 1);
    assert.ok(sel[0].parent, 'no enclosing range');
  });

  await check('a broken vpc.toml is reported, then the defaults apply', async () => {
    fs.writeFileSync(path.join(dir, 'vpc.toml'), '[lints]\nunrelieved-pains = "error"\n');
    await client.notify(lsp.DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf('vpc.toml'), type: lsp.FileChangeType.Created }],
    });
    const message = await client.until('showMessage', () => client.messages.find((m) => /unrelieved-pains/.test(m.message)));
    assert.equal(message.type, lsp.MessageType.Error);
    assert.ok(message.message.includes(path.join(dir, 'vpc.toml')));
    fs.writeFileSync(path.join(dir, 'vpc.toml'), '[lints]\nunrelieved-pain = "error"\n');
    await client.notify(lsp.DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf('vpc.toml'), type: lsp.FileChangeType.Changed }],
    });
    // Republished with the new level (the open document did not change).
    await client.until('unrelieved-pain as an error', () => {
      const list = client.diagnostics.get(scratch) ?? [];
      const last = list[list.length - 1];
      return last && last.diagnostics.some((d) => d.code === 'unrelieved-pain' && d.severity === lsp.DiagnosticSeverity.Error);
    });
    fs.unlinkSync(path.join(dir, 'vpc.toml'));
  });

  await check('closing clears the diagnostics', async () => {
    await client.notify(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri: flawed } });
    await client.until('cleared', () => {
      const list = client.diagnostics.get(flawed) ?? [];
      return list.length > 0 && list[list.length - 1].diagnostics.length === 0;
    });
  });

  // Robustness: type every example, asking at every keystroke.
  const names = fs.readdirSync(EXAMPLES).filter((n) => n.endsWith('.vpc')).sort();
  const typed = QUICK ? names.slice(0, 1) : names;
  const crlf = (s) => s.replace(/\n/g, '\r\n');
  const runs = typed.map((n) => [n, example(n)]);
  runs.push(['flawed.vpc with CRLF', crlf(example('flawed.vpc'))]);
  for (const [name, source] of runs) {
    await check(`type and delete ${name} (${[...source].length} characters), asking at every keystroke`, async () => {
      const uri = uriOf(`typing-${name.replace(/\W/g, '-')}.vpc`);
      let text = '';
      let version = 0;
      await client.open(uri, version, text);
      const ask = async (position) => {
        const requests = [
          client.request(lsp.CompletionRequest.type, { textDocument: { uri }, position }),
          client.request(lsp.HoverRequest.type, { textDocument: { uri }, position }),
          client.request(lsp.SemanticTokensRequest.type, { textDocument: { uri } }),
          client.request(lsp.DocumentSymbolRequest.type, { textDocument: { uri } }),
        ];
        await Promise.all(requests);
      };
      // Type: one code point at a time (an emoji is one keystroke; `\r\n` two).
      for (const c of source) {
        const at = positionAt(text, text.length);
        text += c;
        version++;
        await client.change(uri, version, { start: at, end: at }, c);
        await ask(positionAt(text, text.length));
        if (version % 500 === 0) assert.equal((await client.documentText(uri)).text, text, `out of step at v${version}`);
      }
      assert.deepEqual(await client.documentText(uri), { uri, version, text: source });
      // Delete: from the end, one code point (or one `\r\n`) at a time.
      while (text.length > 0) {
        const end = positionAt(text, text.length);
        const last = text.charCodeAt(text.length - 1);
        const lowSurrogate = last >= 0xdc00 && last <= 0xdfff;
        const cut = text.endsWith('\r\n') || lowSurrogate ? 2 : 1;
        text = text.slice(0, text.length - cut);
        version++;
        const start = positionAt(text, text.length);
        await client.change(uri, version, { start, end }, '');
        await ask(start);
      }
      assert.deepEqual(await client.documentText(uri), { uri, version, text: '' });
      await client.notify(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    });
  }

  await check('shutdown and exit with status 0', async () => {
    const code = await client.stop();
    assert.equal(code, 0);
    assert.ok(!/panicked/.test(client.stderr), client.stderr);
  });

  fs.rmSync(dir, { recursive: true, force: true });
  const failed = results.filter(([, ok]) => !ok);
  console.log(failed.length === 0
    ? `PASS: ${results.length} checks`
    : `FAIL: ${failed.length} of ${results.length} checks: ${failed.map(([n]) => n).join('; ')}`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((e) => {
  console.log(`FAIL: ${e.stack ?? e}`);
  process.exit(1);
});
