// SVG from Graphviz source, in-process, with Graphviz compiled to WebAssembly (@viz-js/viz): no
// system binary and no browser. viz's API is asynchronous (it compiles its WebAssembly on first
// use), but cdk8s synth and the CLI are synchronous, and a jsii caller in another language cannot
// await a Node promise mid-synth. So the rendering runs on a worker thread while this thread waits
// on a shared flag: still one process, and the answer comes back as a plain return value.
import { MessageChannel, Worker, receiveMessageOnPort } from 'worker_threads';

/** Graphviz could not lay out the graph; the message is Graphviz's own. */
export class SvgRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SvgRenderError';
  }
}

interface RenderReply {
  readonly svg?: string;
  readonly errors?: readonly string[];
}

// Evaluated as the worker's script. A string rather than a file, so it runs the same from lib/
// and from the TypeScript sources under jest; the module path comes from this thread's resolver.
const WORKER_SOURCE = `
const { workerData } = require('worker_threads');
const { vizPath, dot, done, port } = workerData;
let answered = false;
const finish = (reply) => {
  if (answered) return;
  answered = true;
  port.postMessage(reply);
  const flag = new Int32Array(done);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};
// A worker that stops without an answer (process.exit in a dependency, say) still answers.
process.on('exit', () => finish({ errors: ['the Graphviz worker stopped before it drew the graph'] }));
// Every way out answers, so the waiting thread never waits for the timeout.
const fail = (error) => finish({ errors: [String((error && error.message) || error)] });
try {
  require(vizPath).instance().then((viz) => {
    try {
      const result = viz.render(dot, { format: 'svg' });
      finish(result.status === 'success'
        ? { svg: result.output }
        : { errors: result.errors.map((e) => e.message) });
    } catch (error) {
      fail(error);
    }
  }, fail);
} catch (error) {
  fail(error);
}
`;

/** How long to wait for Graphviz before giving up: far beyond any graph this library draws. */
const RENDER_TIMEOUT_MS = 120_000;

/** The SVG document Graphviz's `dot` layout draws for `dot`. */
export function renderSvg(dot: string): string {
  const done = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { vizPath: require.resolve('@viz-js/viz'), dot, done, port: port2 },
    transferList: [port2],
  });
  try {
    const waited = Atomics.wait(new Int32Array(done), 0, 0, RENDER_TIMEOUT_MS);
    const reply = receiveMessageOnPort(port1)?.message as RenderReply | undefined;
    if (waited === 'timed-out' || !reply) {
      throw new SvgRenderError(`Graphviz did not answer within ${RENDER_TIMEOUT_MS / 1000} s (its worker thread may have run out of memory); draw the picture as dot and render it elsewhere`);
    }
    if (reply.svg === undefined) throw new SvgRenderError(`Graphviz could not draw the graph: ${(reply.errors ?? []).join('; ')}`);
    return reply.svg;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
