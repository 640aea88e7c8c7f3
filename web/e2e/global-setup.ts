// Starts the real backend on a free port with a fresh database, serving web/dist.
// RXTRACK_BIN overrides the binary (default ../build/release/rxtrack).
// RXTRACK_BASE_URL, when already set, skips starting anything (use a running server).

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LISTEN_RE = /listening on http:\/\/127\.0\.0\.1:(\d+)/;
const START_TIMEOUT_MS = 30_000;

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.RXTRACK_BASE_URL) {
    console.log(`[e2e] using running server ${process.env.RXTRACK_BASE_URL}`);
    return async () => {};
  }

  const bin = path.resolve(WEB_DIR, process.env.RXTRACK_BIN ?? '../build/release/rxtrack');
  const dist = path.join(WEB_DIR, 'dist');
  if (!existsSync(bin)) throw new Error(`[e2e] backend binary not found: ${bin} (build it, or set RXTRACK_BIN)`);
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`[e2e] ${dist}/index.html missing: run \`npm run build\` first`);

  const dir = mkdtempSync(path.join(tmpdir(), 'rxtrack-e2e-'));
  const logPath = path.join(dir, 'serve.log');
  const log = createWriteStream(logPath);
  // --allow-provider-host: 08-messaging points the shop at a fake Cloud API on 127.0.0.1 over
  // http, which the server otherwise refuses as a provider address.
  const args = [
    'serve', '--listen', '127.0.0.1:0', '--db', `sqlite:${path.join(dir, 'e2e.db')}`, '--web-dir', dist, '--no-scheduler',
    '--allow-provider-host', '127.0.0.1',
  ];
  console.log(`[e2e] starting ${bin} ${args.join(' ')}`);
  const child = spawn(bin, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const verbose = !!process.env.RXTRACK_E2E_VERBOSE;
  child.stderr!.on('data', (b: Buffer) => {
    log.write(b);
    if (verbose) process.stderr.write(b);
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening on" line within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (code ${code}, signal ${sig})`));
    });
    // Keep reading stdout for the whole run so the pipe never fills up.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log.write(line + '\n');
      if (verbose) console.log(`[rxtrack] ${line}`);
      const m = LISTEN_RE.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  }).catch(async (e: Error) => {
    await stop(child);
    log.end();
    let tail = '';
    try {
      tail = readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      // no log
    }
    throw new Error(`[e2e] could not start the backend: ${e.message}\n--- ${logPath} ---\n${tail}`);
  });

  process.env.RXTRACK_BASE_URL = `http://127.0.0.1:${port}`;
  // For specs that run admin commands on the same database (13-approval: `rxtrack remind --now`).
  process.env.RXTRACK_E2E_DB_URL = args[args.indexOf('--db') + 1];
  process.env.RXTRACK_E2E_BIN = bin;
  console.log(`[e2e] backend at ${process.env.RXTRACK_BASE_URL} (log: ${logPath})`);

  return async () => {
    await stop(child);
    process.removeListener('exit', killOnExit);
    log.end();
    if (process.env.RXTRACK_E2E_KEEP) console.log(`[e2e] kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
