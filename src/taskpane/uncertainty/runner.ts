/**
 * The pane's side of the worker protocol (protocol.ts): start a job, follow its progress, cancel it,
 * get its outcome. The jobs run in the Monte Carlo worker when the browser has Workers; otherwise (or
 * when the worker's script cannot load) the same handler runs on the main thread in slices, pausing
 * between them so the pane still repaints and Cancel still gets through.
 */
import type { Problem } from '../../engine';
import { createJobHandler, type Job, type JobResults, type Reply, type Request } from './protocol';

/** What the runner talks to: a Worker, or the in-page stand-in (localPort). */
export interface Port {
  postMessage(r: Request): void;
  onmessage: ((e: { data: Reply }) => void) | null;
  /** A Worker's: its script failed to load or threw outside a job. */
  onerror?: ((e: unknown) => void) | null;
  terminate?(): void;
}

export type Outcome<T> =
  | { status: 'done'; result: T; /** Wall time from start to result, in ms. */ ms: number }
  | { status: 'cancelled'; done: number; total: number }
  | { status: 'error'; message: string; problems?: Problem[] };

export interface RunHandle<T> {
  /** Resolves once, with the outcome; never rejects. */
  promise: Promise<Outcome<T>>;
  /** Asks the job to stop; its outcome is then `cancelled` (or `done`, when it finished first). */
  cancel(): void;
}

type Progress = (done: number, total: number) => void;

interface Pending {
  job: Job;
  started: number;
  onProgress?: Progress;
  settle(o: Outcome<unknown>): void;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** A turn of the event loop: a MessageChannel task where there is one (no 4 ms timer clamping), else a timeout. */
export function eventLoopTurn(): () => Promise<void> {
  if (typeof MessageChannel === 'undefined') return () => new Promise((r) => setTimeout(r, 0));
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  // Node (tests) keeps a process alive while a port listens; browsers have no unref.
  (channel.port1 as { unref?: () => void }).unref?.();
  return () => new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

/** The main-thread fallback: the worker's handler in this page, messages delivered asynchronously as a worker's are. */
export function localPort(pause: () => Promise<void> = eventLoopTurn()): Port {
  const port: Port = {
    onmessage: null,
    postMessage: (req) => setTimeout(() => handle(req), 0),
  };
  const handle = createJobHandler((reply) => queueMicrotask(() => port.onmessage?.({ data: reply })), pause);
  return port;
}

export class JobRunner {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Whether a reply ever came back (a worker that errors before any did failed to load). */
  private heard = false;

  constructor(private port: Port, public where: 'worker' | 'main') {
    this.listen();
  }

  private listen(): void {
    this.port.onmessage = (e) => this.receive(e.data);
    if ('onerror' in this.port) {
      this.port.onerror = (e) => this.failed(e);
    }
  }

  private receive(r: Reply): void {
    this.heard = true;
    const p = this.pending.get(r.id);
    if (!p) return;
    if (r.type === 'progress') {
      p.onProgress?.(r.done, r.total);
      return;
    }
    this.pending.delete(r.id);
    if (r.type === 'result') p.settle({ status: 'done', result: r.result, ms: now() - p.started });
    else if (r.type === 'cancelled') p.settle({ status: 'cancelled', done: r.done, total: r.total });
    else p.settle({ status: 'error', message: r.message, problems: r.problems });
  }

  /** The worker broke: before it ever answered, run its jobs here instead; after, report the error. */
  private failed(e: unknown): void {
    this.port.terminate?.();
    if (!this.heard) {
      this.port = localPort();
      this.where = 'main';
      this.listen();
      for (const [id, p] of this.pending) this.port.postMessage({ type: 'start', id, job: p.job });
      return;
    }
    const message = (e as { message?: string })?.message || 'the worker stopped';
    for (const p of this.pending.values()) p.settle({ status: 'error', message });
    this.pending.clear();
  }

  run<K extends Job['kind']>(job: Extract<Job, { kind: K }>, onProgress?: Progress): RunHandle<JobResults[K]> {
    const id = this.nextId++;
    let settle!: (o: Outcome<JobResults[K]>) => void;
    const promise = new Promise<Outcome<JobResults[K]>>((resolve) => { settle = resolve; });
    this.pending.set(id, { job, started: now(), onProgress, settle: settle as (o: Outcome<unknown>) => void });
    this.port.postMessage({ type: 'start', id, job });
    return { promise, cancel: () => { if (this.pending.has(id)) this.port.postMessage({ type: 'cancel', id }); } };
  }

  /** Stops the worker; jobs still running end as cancelled. */
  dispose(): void {
    this.port.terminate?.();
    for (const p of this.pending.values()) p.settle({ status: 'cancelled', done: 0, total: 0 });
    this.pending.clear();
  }
}

/** A runner on the Monte Carlo worker where the browser has Workers, else on this thread. */
export async function createRunner(): Promise<JobRunner> {
  if (typeof Worker !== 'undefined') {
    try {
      const { spawnWorker } = await import(/* webpackChunkName: "uncertainty" */ './spawn-worker');
      const worker = spawnWorker();
      const port: Port = {
        postMessage: (r) => worker.postMessage(r),
        set onmessage(f: ((e: { data: Reply }) => void) | null) { worker.onmessage = f as Worker['onmessage']; },
        get onmessage() { return worker.onmessage as Port['onmessage']; },
        set onerror(f: ((e: unknown) => void) | null) { worker.onerror = f as Worker['onerror']; },
        get onerror() { return worker.onerror as ((e: unknown) => void) | null; },
        terminate: () => worker.terminate(),
      };
      return new JobRunner(port, 'worker');
    } catch {
      // A page whose policy forbids workers: the main thread it is.
    }
  }
  return new JobRunner(localPort(), 'main');
}
