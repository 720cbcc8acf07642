'use strict';
// A minimal stand-in for the `vscode` module, enough for the compiled extension and
// the real vscode-languageclient to run under plain Node: the client spawns the real
// server and speaks LSP with it; this stub plays the editor's side (documents,
// settings, registrations, the diagnostics collection, messages) and records what the
// extension and the client do, so the test can look.
//
// It is not VS Code: it has no editor, no UI and no extension host. Members the client
// reads but the stub lacks are recorded in `missing` (and are `undefined`), so the test
// can show them.

const { EventEmitter: NodeEmitter } = require('events');
const path = require('path');
const url = require('url');

const missing = new Set();
function strict(name, target) {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'symbol' || prop in t || prop === 'then' || prop === 'toJSON') {
        return Reflect.get(t, prop, receiver);
      }
      missing.add(`${name}.${String(prop)}`);
      return undefined;
    },
  });
}

class Disposable {
  constructor(fn) {
    this._fn = fn;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose()));
  }
  dispose() {
    if (this._fn) {
      const fn = this._fn;
      this._fn = undefined;
      fn();
    }
  }
}

class EventEmitter {
  constructor() {
    this._listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const l = thisArg ? listener.bind(thisArg) : listener;
      this._listeners.add(l);
      const d = new Disposable(() => this._listeners.delete(l));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(e) {
    for (const l of [...this._listeners]) l(e);
  }
  dispose() {
    this._listeners.clear();
  }
}

class CancellationError extends Error {
  constructor() {
    super('Canceled');
    this.name = 'Canceled';
  }
}

class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this._emitter = emitter;
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
  }
  cancel() {
    if (!this.token.isCancellationRequested) {
      this.token.isCancellationRequested = true;
      this._emitter.fire(undefined);
    }
  }
  dispose() {
    this._emitter.dispose();
  }
}

class Uri {
  constructor(scheme, authority, p, query, fragment) {
    this.scheme = scheme;
    this.authority = authority || '';
    this.path = p || '';
    this.query = query || '';
    this.fragment = fragment || '';
  }
  static parse(value) {
    const u = new URL(value);
    return new Uri(u.protocol.replace(/:$/, ''), u.host, decodeURIComponent(u.pathname), u.search.replace(/^\?/, ''), u.hash.replace(/^#/, ''));
  }
  static file(p) {
    return new Uri('file', '', path.resolve(p));
  }
  get fsPath() {
    return this.path;
  }
  with(change) {
    return new Uri(
      change.scheme ?? this.scheme,
      change.authority ?? this.authority,
      change.path ?? this.path,
      change.query ?? this.query,
      change.fragment ?? this.fragment,
    );
  }
  toString() {
    if (this.scheme === 'file') return url.pathToFileURL(this.path).href;
    return `${this.scheme}:${this.authority ? '//' + this.authority : ''}${this.path}${this.query ? '?' + this.query : ''}${this.fragment ? '#' + this.fragment : ''}`;
  }
  toJSON() {
    return this.toString();
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
  isEqual(o) {
    return this.line === o.line && this.character === o.character;
  }
  isBefore(o) {
    return this.line < o.line || (this.line === o.line && this.character < o.character);
  }
}

class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    } else {
      this.start = a;
      this.end = b;
    }
  }
  get isEmpty() {
    return this.start.isEqual(this.end);
  }
}

class Location {
  constructor(uri, rangeOrPosition) {
    this.uri = uri;
    this.range = rangeOrPosition instanceof Position ? new Range(rangeOrPosition, rangeOrPosition) : rangeOrPosition;
  }
}

class MarkdownString {
  constructor(value = '', supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(v) {
    this.value += v;
    return this;
  }
  appendText(v) {
    this.value += v.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&');
    return this;
  }
  appendCodeblock(code, language = '') {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}

class Hover {
  constructor(contents, range) {
    this.contents = Array.isArray(contents) ? contents : [contents];
    this.range = range;
  }
}

class TextEdit {
  constructor(range, newText) {
    this.range = range;
    this.newText = newText;
  }
  static replace(range, newText) {
    return new TextEdit(range, newText);
  }
}

class Diagnostic {
  constructor(range, message, severity = 0) {
    this.range = range;
    this.message = message;
    this.severity = severity;
  }
}

class DiagnosticRelatedInformation {
  constructor(location, message) {
    this.location = location;
    this.message = message;
  }
}

class CompletionItem {
  constructor(label, kind) {
    this.label = label;
    this.kind = kind;
  }
}

class CompletionList {
  constructor(items = [], isIncomplete = false) {
    this.items = items;
    this.isIncomplete = isIncomplete;
  }
}

class SnippetString {
  constructor(value = '') {
    this.value = value;
  }
}

class CodeLens {
  constructor(range, command) {
    this.range = range;
    this.command = command;
  }
  get isResolved() {
    return !!this.command;
  }
}

class CodeAction {
  constructor(title, kind) {
    this.title = title;
    this.kind = kind;
  }
}

class InlayHint {
  constructor(position, label, kind) {
    this.position = position;
    this.label = label;
    this.kind = kind;
  }
}

class DocumentLink {
  constructor(range, target) {
    this.range = range;
    this.target = target;
  }
}

class SymbolInformation {
  constructor(name, kind, containerName, location) {
    this.name = name;
    this.kind = kind;
    this.containerName = containerName;
    this.location = location;
  }
}

class DocumentSymbol {
  constructor(name, detail, kind, range, selectionRange) {
    this.name = name;
    this.detail = detail;
    this.kind = kind;
    this.range = range;
    this.selectionRange = selectionRange;
    this.children = [];
  }
}

class CallHierarchyItem {
  constructor(kind, name, detail, uri, range, selectionRange) {
    Object.assign(this, { kind, name, detail, uri, range, selectionRange });
  }
}

class TypeHierarchyItem {
  constructor(kind, name, detail, uri, range, selectionRange) {
    Object.assign(this, { kind, name, detail, uri, range, selectionRange });
  }
}

class WorkspaceEdit {
  constructor() {
    this._edits = [];
  }
  replace(uri, range, newText) {
    this._edits.push({ uri, edit: new TextEdit(range, newText) });
  }
  insert(uri, position, newText) {
    this.replace(uri, new Range(position, position), newText);
  }
  delete(uri, range) {
    this.replace(uri, range, '');
  }
  set(uri, edits) {
    for (const e of edits || []) this._edits.push({ uri, edit: e });
  }
  entries() {
    const map = new Map();
    for (const { uri, edit } of this._edits) {
      const key = uri.toString();
      if (!map.has(key)) map.set(key, [uri, []]);
      map.get(key)[1].push(edit);
    }
    return [...map.values()];
  }
  get size() {
    return this.entries().length;
  }
}

class FoldingRange {
  constructor(start, end, kind) {
    this.start = start;
    this.end = end;
    this.kind = kind;
  }
}

class SelectionRange {
  constructor(range, parent) {
    this.range = range;
    this.parent = parent;
  }
}

class DocumentHighlight {
  constructor(range, kind) {
    this.range = range;
    this.kind = kind;
  }
}

class SemanticTokens {
  constructor(data, resultId) {
    this.data = data;
    this.resultId = resultId;
  }
}

class CodeActionKind {
  constructor(value) {
    this.value = value;
  }
  append(part) {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other) {
    return this.value === other.value || other.value.startsWith(this.value + '.');
  }
  intersects(other) {
    return this.contains(other) || other.contains(this);
  }
}
CodeActionKind.Empty = new CodeActionKind('');
CodeActionKind.QuickFix = new CodeActionKind('quickfix');
CodeActionKind.Refactor = new CodeActionKind('refactor');
CodeActionKind.Source = new CodeActionKind('source');
CodeActionKind.SourceOrganizeImports = new CodeActionKind('source.organizeImports');
CodeActionKind.SourceFixAll = new CodeActionKind('source.fixAll');

// Enumerations the converters use (values as in VS Code's API).
const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
const DiagnosticTag = { Unnecessary: 1, Deprecated: 2 };
const CompletionItemKind = { Text: 0, Method: 1, Function: 2, Constructor: 3, Field: 4, Variable: 5, Class: 6, Interface: 7, Module: 8, Property: 9, Unit: 10, Value: 11, Enum: 12, Keyword: 13, Snippet: 14, Color: 15, File: 16, Reference: 17, Folder: 18, EnumMember: 19, Constant: 20, Struct: 21, Event: 22, Operator: 23, TypeParameter: 24, User: 25, Issue: 26 };
const CompletionItemTag = { Deprecated: 1 };
const CompletionTriggerKind = { Invoke: 0, TriggerCharacter: 1, TriggerForIncompleteCompletions: 2 };
const TextDocumentSaveReason = { Manual: 1, AfterDelay: 2, FocusOut: 3 };
const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 };
const InsertTextFormat = undefined; // not part of VS Code's API

/** A text document of the stub workspace. */
class TextDocument {
  constructor(uri, languageId, text, version = 1) {
    this.uri = uri;
    this.languageId = languageId;
    this._text = text;
    this.version = version;
    this.isUntitled = uri.scheme === 'untitled';
    this.isClosed = false;
    this.isDirty = false;
    this.eol = 1;
  }
  get fileName() {
    return this.uri.fsPath;
  }
  get lineCount() {
    return this._text.split('\n').length;
  }
  getText() {
    return this._text;
  }
  offsetAt(position) {
    const lines = this._text.split('\n');
    let offset = 0;
    for (let i = 0; i < position.line && i < lines.length; i++) offset += lines[i].length + 1;
    return offset + position.character;
  }
  positionAt(offset) {
    const before = this._text.slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }
}

/** The state of the fake editor, for the test to drive and inspect. */
const state = {
  settings: {}, // flat: 'vpc.server.path' → value
  documents: [],
  commands: new Map(),
  providers: [], // { kind, selector, provider }
  diagnostics: new Map(), // uri string → Diagnostic[]
  messages: [], // { level, message, items }
  outputs: new Map(), // channel name → text
  configurationEmitter: new EventEmitter(),
  openEmitter: new EventEmitter(),
  closeEmitter: new EventEmitter(),
  events: new NodeEmitter(),
};

function configuration(section) {
  const prefix = section ? section + '.' : '';
  const lookup = (key) => state.settings[prefix + key];
  return {
    get(key, defaultValue) {
      const v = lookup(key);
      if (v !== undefined) return v;
      // Nested objects: getConfiguration('vpc').get('server') → { path, extraArgs }.
      const nested = {};
      let any = false;
      for (const [k, val] of Object.entries(state.settings)) {
        if (k.startsWith(prefix + key + '.')) {
          nested[k.slice((prefix + key + '.').length)] = val;
          any = true;
        }
      }
      return any ? nested : defaultValue;
    },
    has(key) {
      return lookup(key) !== undefined;
    },
    inspect(key) {
      return { key: prefix + key, globalValue: lookup(key) };
    },
    update(key, value) {
      state.settings[prefix + key] = value;
      return Promise.resolve();
    },
  };
}

function matchSelector(selector, doc) {
  const filters = Array.isArray(selector) ? selector : [selector];
  let best = 0;
  for (const f of filters) {
    if (typeof f === 'string') {
      if (f === doc.languageId || f === '*') best = Math.max(best, 10);
      continue;
    }
    if (f.language && f.language !== doc.languageId && f.language !== '*') continue;
    if (f.scheme && f.scheme !== doc.uri.scheme && f.scheme !== '*') continue;
    if (f.pattern) continue; // not needed here
    best = Math.max(best, 10);
  }
  return best;
}

function register(kind) {
  return (selector, provider, ...rest) => {
    const entry = { kind, selector, provider, rest };
    state.providers.push(entry);
    return new Disposable(() => {
      const i = state.providers.indexOf(entry);
      if (i >= 0) state.providers.splice(i, 1);
    });
  };
}

function outputChannel(name) {
  state.outputs.set(name, '');
  const add = (s) => state.outputs.set(name, state.outputs.get(name) + s);
  return {
    name,
    append: add,
    appendLine: (s) => add(s + '\n'),
    replace: (s) => state.outputs.set(name, s),
    clear: () => state.outputs.set(name, ''),
    show: () => state.events.emit('show', name),
    hide: () => undefined,
    dispose: () => undefined,
  };
}

function message(level) {
  return (msg, ...items) => {
    const options = items.length && typeof items[0] === 'object' && !Array.isArray(items[0]) && 'modal' in items[0] ? items.shift() : undefined;
    state.messages.push({ level, message: msg, items, options });
    state.events.emit('message', { level, message: msg, items });
    return Promise.resolve(undefined);
  };
}

const noEvent = () => new Disposable(() => undefined);

const workspace = strict('workspace', {
  getConfiguration: configuration,
  get workspaceFolders() {
    return state.workspaceFolders;
  },
  get textDocuments() {
    return state.documents;
  },
  onDidChangeConfiguration: state.configurationEmitter.event,
  onDidOpenTextDocument: state.openEmitter.event,
  onDidCloseTextDocument: state.closeEmitter.event,
  onDidChangeTextDocument: noEvent,
  onWillSaveTextDocument: noEvent,
  onDidSaveTextDocument: noEvent,
  onDidChangeWorkspaceFolders: noEvent,
  onDidCreateFiles: noEvent,
  onDidRenameFiles: noEvent,
  onDidDeleteFiles: noEvent,
  onWillCreateFiles: noEvent,
  onWillRenameFiles: noEvent,
  onWillDeleteFiles: noEvent,
  createFileSystemWatcher(globPattern) {
    state.events.emit('watcher', globPattern);
    return {
      onDidCreate: noEvent,
      onDidChange: noEvent,
      onDidDelete: noEvent,
      dispose: () => undefined,
    };
  },
  applyEdit: () => Promise.resolve(false),
  getWorkspaceFolder: () => state.workspaceFolders && state.workspaceFolders[0],
});

const languages = strict('languages', {
  match: matchSelector,
  createDiagnosticCollection(name) {
    const set = (uri, diagnostics) => {
      if (Array.isArray(uri)) {
        for (const [u, d] of uri) set(u, d);
        return;
      }
      state.diagnostics.set(uri.toString(), diagnostics || []);
      state.events.emit('diagnostics', uri.toString());
    };
    return {
      name,
      set,
      delete: (uri) => state.diagnostics.delete(uri.toString()),
      clear: () => state.diagnostics.clear(),
      forEach: (cb) => state.diagnostics.forEach((d, u) => cb(Uri.parse(u), d)),
      get: (uri) => state.diagnostics.get(uri.toString()),
      has: (uri) => state.diagnostics.has(uri.toString()),
      dispose: () => undefined,
    };
  },
});
for (const kind of [
  'CompletionItemProvider', 'HoverProvider', 'DefinitionProvider', 'ReferenceProvider', 'RenameProvider',
  'DocumentHighlightProvider', 'DocumentSymbolProvider', 'WorkspaceSymbolProvider', 'DocumentSemanticTokensProvider',
  'DocumentRangeSemanticTokensProvider', 'FoldingRangeProvider', 'SelectionRangeProvider',
  'DocumentFormattingEditProvider', 'DocumentRangeFormattingEditProvider', 'OnTypeFormattingEditProvider',
  'CodeActionsProvider', 'InlayHintsProvider', 'CodeLensProvider', 'SignatureHelpProvider', 'DeclarationProvider',
  'TypeDefinitionProvider', 'ImplementationProvider', 'DocumentLinkProvider', 'ColorProvider', 'CallHierarchyProvider',
  'TypeHierarchyProvider', 'LinkedEditingRangeProvider', 'InlineValuesProvider', 'InlineCompletionItemProvider',
]) {
  languages[`register${kind}`] = register(kind);
}

const window = strict('window', {
  createOutputChannel: outputChannel,
  showErrorMessage: message('error'),
  showWarningMessage: message('warning'),
  showInformationMessage: message('info'),
  activeTextEditor: undefined,
  visibleTextEditors: [],
  onDidChangeActiveTextEditor: noEvent,
  onDidChangeVisibleTextEditors: noEvent,
  tabGroups: { all: [], onDidChangeTabs: noEvent },
  withProgress: (_options, task) => task({ report: () => undefined }, new CancellationTokenSource().token),
  showTextDocument: () => Promise.resolve(undefined),
});

const commands = strict('commands', {
  registerCommand(id, fn) {
    if (state.commands.has(id)) throw new Error(`command '${id}' already exists`);
    state.commands.set(id, fn);
    return new Disposable(() => state.commands.delete(id));
  },
  executeCommand(id, ...args) {
    state.events.emit('executeCommand', id, args);
    const fn = state.commands.get(id);
    return Promise.resolve(fn ? fn(...args) : undefined);
  },
  getCommands: () => Promise.resolve([...state.commands.keys()]),
});

const env = strict('env', {
  appName: 'vscode-stub (Node)',
  language: 'en',
  machineId: 'stub',
  sessionId: 'stub',
  openExternal: (uri) => {
    state.events.emit('openExternal', uri.toString());
    return Promise.resolve(true);
  },
});

const api = {
  __esModule: undefined, // looked up by esbuild's CommonJS interop
  version: '1.82.0',
  Disposable,
  EventEmitter,
  CancellationError,
  CancellationTokenSource,
  Uri,
  Position,
  Range,
  Location,
  MarkdownString,
  Hover,
  TextEdit,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  DiagnosticTag,
  CompletionItem,
  CompletionList,
  CodeLens,
  CodeAction,
  CodeActionKind,
  InlayHint,
  DocumentLink,
  SymbolInformation,
  DocumentSymbol,
  CallHierarchyItem,
  TypeHierarchyItem,
  WorkspaceEdit,
  FoldingRange,
  SelectionRange,
  DocumentHighlight,
  SemanticTokens,
  SymbolKind: Object.fromEntries('File Module Namespace Package Class Method Property Field Constructor Enum Interface Function Variable Constant String Number Boolean Array Object Key Null EnumMember Struct Event Operator TypeParameter'.split(' ').map((k, i) => [k, i])),
  SymbolTag: { Deprecated: 1 },
  DocumentHighlightKind: { Text: 0, Read: 1, Write: 2 },
  FoldingRangeKind: { Comment: 1, Imports: 2, Region: 3 },
  InlayHintKind: { Type: 1, Parameter: 2 },
  CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
  CompletionItemKind,
  CompletionItemTag,
  CompletionTriggerKind,
  SnippetString,
  TextDocumentSaveReason,
  ProgressLocation,
  InsertTextFormat,
  TabInputText: class TabInputText {},
  TabInputTextDiff: class TabInputTextDiff {},
  TabInputCustom: class TabInputCustom {},
  TabInputNotebook: class TabInputNotebook {},
  TabInputNotebookDiff: class TabInputNotebookDiff {},
  workspace,
  languages,
  window,
  commands,
  env,
  // For the test, not part of VS Code's API:
  __stub: { state, missing, TextDocument },
};

module.exports = strict('vscode', api);
