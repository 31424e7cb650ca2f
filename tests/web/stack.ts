import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { InternalConnectionOptionsSymbol } from '@temporalio/client/lib/connection';
import { type Browser, type Page, chromium } from 'playwright-core';
import { freePort } from '@dunning/tests/fixtures/processes';

const root = path.resolve(__dirname, '../..');
export const PASSWORD = 'browser-tests-password';
/** Debian's Chromium, driven by Playwright (no browser download): the flags the CI machines need. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The product as `npm start` runs it (scripts/start.mjs: temporal-lite, the database, the API with
 * the web app, the worker) in a temporary data directory, with temporal-lite as the time-skipping
 * test server so a test can move the clock. Stopped, process group and all, by `stop()`.
 */
export class Stack {
  baseUrl = '';
  temporalAddress = '';
  databaseUrl = '';
  private child?: ChildProcess;
  private output = '';
  dataDir = '';
  private temporal?: Connection;

  /** `mode`: the test server whose clock a test moves (the default), or the dev server as `npm start` runs it (persisted, real time). */
  static async start(options: { mode?: 'time-skipping' | 'dev'; env?: Record<string, string> } = {}): Promise<Stack> {
    const stack = new Stack();
    const [apiPort, temporalPort, databasePort] = [await freePort(), await freePort(), await freePort()];
    stack.dataDir = mkdtempSync(path.join(os.tmpdir(), 'dunning-web-'));
    stack.child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      detached: true,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        // The stack's build may come from Nx's cache (CI skips it so that every target runs; rebuilding the web app here proves nothing more).
        NX_SKIP_NX_CACHE: undefined,
        // Run by Nx as the browser tests' target, whose dependencies built the web app and temporal-lite:
        // no second build, whose cache restore would delete temporal-lite's dist while other suites start it.
        STACK_PREBUILT: process.env.NX_TASK_TARGET_PROJECT === '@dunning/web-tests' ? 'true' : undefined,
        DUNNING_DATA_DIR: stack.dataDir,
        TEMPORAL_MODE: options.mode === 'dev' ? undefined : 'time-skipping',
        TEMPORAL_PORT: String(temporalPort),
        PGLITE_PORT: String(databasePort),
        PORT: String(apiPort),
        ADMIN_PASSWORD: PASSWORD,
        DEMO_PASSWORD: PASSWORD,
        CHECK_RESPONSES: 'true',
        SEED_DEMO_USERS: 'true',
        MAILBOX_GATHER_MS: '0',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    stack.child.stdout!.on('data', (chunk) => (stack.output += chunk));
    stack.child.stderr!.on('data', (chunk) => (stack.output += chunk));
    stack.baseUrl = `http://127.0.0.1:${apiPort}`;
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (stack.child.exitCode !== null) throw new Error(`npm start exited:\n${stack.output}`);
      if (/worker polling/.test(stack.output)) {
        const health = await fetch(`${stack.baseUrl}/api/health`).catch(() => undefined);
        if (health?.ok) break;
      }
      if (Date.now() > deadline) {
        await stack.stop();
        throw new Error(`the stack did not start in 4 minutes:\n${stack.output.slice(-4000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // The SDK's own switch for the test service (what @temporalio/testing sets).
    stack.temporalAddress = `127.0.0.1:${temporalPort}`;
    stack.databaseUrl = `postgres://postgres@127.0.0.1:${databasePort}/postgres`;
    stack.temporal = await Connection.connect({ address: stack.temporalAddress, [InternalConnectionOptionsSymbol]: { supportsTestService: options.mode !== 'dev' } } as Parameters<
      typeof Connection.connect
    >[0]);
    return stack;
  }

  /** The process group of `npm start` and everything it runs (it is started detached). */
  get processGroup(): number | undefined {
    return this.child?.pid;
  }

  /** The gRPC connection to the stack's temporal-lite (its test service only in time-skipping mode). */
  temporalConnection(): Connection {
    return this.temporal!;
  }

  /** Moves the test server's clock forward (timers due in between fire, in order). */
  async advance(ms: number): Promise<void> {
    await this.temporal!.testService!.unlockTimeSkippingWithSleep({ duration: msToTs(ms) });
  }

  async now(): Promise<number> {
    const { time } = await this.temporal!.testService!.getCurrentTime({});
    return Number(time!.seconds) * 1000 + Math.floor((time!.nanos ?? 0) / 1e6);
  }

  /** The API as a seeded user, with a bearer token (no browser): for the data a test needs before its screens. */
  async api(email: string, password = PASSWORD): Promise<<T = unknown>(method: string, url: string, body?: unknown) => Promise<T>> {
    const login = await fetch(`${this.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!login.ok) throw new Error(`sign-in as ${email}: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${this.baseUrl}${url}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as T;
    };
  }

  logs(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    await this.temporal?.close();
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      const killed = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(killed);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A new page signed in as one of the seeded users (or as an account a test opened, with its own password). */
export async function signIn(browser: Browser, stack: Stack, email: string, password = PASSWORD, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.baseUrl, viewport, acceptDownloads: true, locale: 'en-US', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  // A script error unmounts the app: say which, rather than only that the navigation never came.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('navigation', { name: 'main' })
    .waitFor()
    .catch((error: Error) => {
      throw new Error(`${error.message}\npage errors: ${errors.join('\n') || 'none'}`);
    });
  return page;
}

export const SCREENSHOTS = path.join(root, 'docs/screenshots');
