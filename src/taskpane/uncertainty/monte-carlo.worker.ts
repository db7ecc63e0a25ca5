/**
 * The Monte Carlo worker: runs the Uncertainty tab's simulations, tornadoes and optimisations off the
 * pane's thread, so the pane keeps responding and Cancel is handled within one slice. Its own chunk
 * (webpack 5 worker syntax in spawn-worker.ts); it imports the engine only, through protocol.ts.
 */
import { createJobHandler, type Reply, type Request } from './protocol';

/** The part of a dedicated worker's global scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: Reply): void;
  onmessage: ((e: MessageEvent<Request>) => void) | null;
}

const scope = self as unknown as WorkerScope;

/**
 * A turn of the event loop between slices, so a cancel message gets through. A MessageChannel task,
 * not setTimeout(0): nested timeouts are clamped to 4 ms, a quarter of a slice.
 */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const pause = () => new Promise<void>((resolve) => {
  waiting.push(resolve);
  channel.port2.postMessage(0);
});

const handle = createJobHandler((reply) => scope.postMessage(reply), pause);
scope.onmessage = (e) => handle(e.data);
