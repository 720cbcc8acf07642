// The VS Code extension for `.vpc` files: starts `vpc lsp` through vscode-languageclient.
//
// Syntax colouring and the language configuration (comments, brackets, folding) are
// static contributions in package.json; everything else comes from the server.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  Executable,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

/** Settings whose change needs a new server process. */
const RESTART_SETTINGS = ['vpc.server.path', 'vpc.server.extraArgs', 'vpc.diagnosticDelayMs'];

const INSTALL_URL = 'https://github.com/vpc-lang/vpc#quick-start';
const INSTALL_HINT =
  'Install it with `cargo install --locked --path crates/vpc-cli` from a clone of ' +
  'https://github.com/vpc-lang/vpc, or set `vpc.server.path` to the binary.';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let traceOutput: vscode.OutputChannel | undefined;
/** Serialises start, stop and restart. */
let pending: Promise<void> = Promise.resolve();

/** The server's settings, read from the `vpc` section. */
export interface ServerSettings {
  path: string;
  extraArgs: string[];
  diagnosticDelayMs: number;
}

export function readSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration('vpc');
  const extraArgs = config.get<unknown>('server.extraArgs', []);
  const delay = config.get<unknown>('diagnosticDelayMs', 150);
  return {
    path: (config.get<string>('server.path') || 'vpc').trim() || 'vpc',
    extraArgs: Array.isArray(extraArgs) ? extraArgs.map(String) : [],
    diagnosticDelayMs: typeof delay === 'number' && delay >= 0 ? Math.floor(delay) : 150,
  };
}

/**
 * The absolute path of the binary `setting` names, or undefined if there is none.
 *
 * A bare name (`vpc`) is looked up on PATH (with PATHEXT on Windows); a path may start
 * with `~` or `${workspaceFolder}`, and a relative one is taken from the first
 * workspace folder.
 */
export function resolveServerPath(setting: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  let p = setting;
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
    p = path.join(os.homedir(), p.slice(1));
  }
  if (p.includes('${workspaceFolder}')) {
    if (!folder) {
      return undefined;
    }
    p = p.split('${workspaceFolder}').join(folder);
  }
  const exts =
    process.platform === 'win32'
      ? ['', ...(env.PATHEXT || '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)]
      : [''];
  const hasSeparator = p.includes('/') || (process.platform === 'win32' && p.includes('\\'));
  if (hasSeparator || path.isAbsolute(p)) {
    const abs = path.isAbsolute(p) ? p : path.resolve(folder ?? process.cwd(), p);
    return exts.map((e) => abs + e).find(isExecutable);
  }
  for (const dir of (env.PATH || '').split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    const found = exts.map((e) => path.join(dir, p + e)).find(isExecutable);
    if (found) {
      return found;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function reportMissingBinary(setting: string): Promise<void> {
  const message =
    `VPC: the language server binary \`${setting}\` was not found` +
    (setting.includes('/') || setting.includes('\\') ? '' : ' on PATH') +
    `. ${INSTALL_HINT}`;
  output?.appendLine(message);
  const choice = await vscode.window.showErrorMessage(message, 'Open Settings', 'How to Install');
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'vpc.server.path');
  } else if (choice === 'How to Install') {
    await vscode.env.openExternal(vscode.Uri.parse(INSTALL_URL));
  }
}

async function startClient(): Promise<void> {
  const settings = readSettings();
  const command = resolveServerPath(settings.path);
  if (!command) {
    // Not awaited: the message stays up while activation finishes.
    void reportMissingBinary(settings.path);
    return;
  }
  const run: Executable = {
    command,
    args: ['lsp', ...settings.extraArgs],
    options: { env: { ...process.env } },
  };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'vpc' },
      { scheme: 'untitled', language: 'vpc' },
    ],
    initializationOptions: { diagnosticDelayMs: settings.diagnosticDelayMs },
    outputChannel: output,
    traceOutputChannel: traceOutput,
  };
  output?.appendLine(`Starting ${command} ${run.args?.join(' ')}`);
  const c = new LanguageClient('vpc', 'VPC Language Server', serverOptions, clientOptions);
  client = c;
  try {
    await c.start();
  } catch (e) {
    const message = `VPC: could not start \`${command} lsp\`: ${e instanceof Error ? e.message : String(e)}`;
    output?.appendLine(message);
    void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
      if (choice === 'Show Output') {
        output?.show(true);
      }
    });
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) {
    try {
      await c.stop();
    } catch (e) {
      output?.appendLine(`Stopping the server: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  await c?.dispose().catch(() => undefined);
}

/** Queues `step` after whatever start or stop is under way. */
function serialise(step: () => Promise<void>): Promise<void> {
  pending = pending.then(step, step);
  return pending;
}

export function restartServer(): Promise<void> {
  return serialise(async () => {
    await stopClient();
    await startClient();
  });
}

/** The running client, for tests and for other extensions. */
export function getClient(): LanguageClient | undefined {
  return client;
}

export async function activate(context: vscode.ExtensionContext): Promise<{ getClient: typeof getClient }> {
  output = vscode.window.createOutputChannel('VPC Language Server');
  traceOutput = vscode.window.createOutputChannel('VPC Language Server Trace');
  context.subscriptions.push(
    output,
    traceOutput,
    vscode.commands.registerCommand('vpc.restartServer', () => restartServer()),
    vscode.commands.registerCommand('vpc.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        output?.appendLine('Server settings changed: restarting.');
        void restartServer();
      }
    }),
  );
  await serialise(startClient);
  return { getClient };
}

export function deactivate(): Thenable<void> {
  return serialise(stopClient);
}
