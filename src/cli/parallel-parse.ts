// Parsing a large file on both cores. The loader reads documents in order on this thread, from the
// front; a worker thread parses from the back, towards it, and hands each chunk of documents over
// as JSON, which this thread reads back about five times faster than js-yaml reads the YAML. Where
// the two meet, this thread takes the worker's chunks and the worker stops. The meeting point
// moves with the machine: nothing is split in advance, and a worker that is slow to start, or
// never starts, only leaves more for this thread (never waits for one; a worker cannot hang lint).
//
// JSON carries all that js-yaml's core schema makes except aliases (shared and cyclic values) and
// the numbers JSON has no spelling for (NaN, the infinities, -0). The worker leaves such documents
// to this thread, as it does any document it cannot read, so that every error, limit and alias
// budget is met exactly where the serial loader meets it: in document order, on this thread.
import { availableParallelism } from 'os';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'worker_threads';

/** What `valueOf` returns for a document this thread must parse itself. */
export const NOT_PARSED: unique symbol = Symbol('not parsed');

/** Files shorter than this are parsed on this thread alone: starting a worker costs more than it saves. */
export const PARALLEL_MIN_CHARS = 4_000_000;
/** Text per chunk the worker hands over: large enough that messages are few, small enough to stop soon. */
const CHUNK_CHARS = 256_000;
/**
 * The worker parses at most this share of the text, from the back, and holds a copy of only that
 * part. On two cores the two threads meet near the middle (the worker does a little less: it also
 * writes the JSON), so the cap bounds the copy, not the work.
 */
const WORKER_SHARE = 0.6;

/** This thread looks for chunks that arrived once per this many documents: each look costs a little. */
const READ_EVERY = 64;

/** Documents nested deeper than this are left to this thread (manifests nest a dozen levels or so). */
const SHALLOW_DEPTH = 64;

/** Cells of the shared state. */
const MAIN_NEXT = 0;
const LOWEST_DONE = 1;

/** One chunk of documents from the worker: `json` holds the values of documents lo..hi-1, in order. */
interface Chunk {
  readonly lo: number;
  readonly hi: number;
  readonly json: string;
  /** Documents left to this thread; their place in `json` holds null. */
  readonly left: readonly number[];
}

/** A chunk read back: `values[i - lo]` is document i's value. */
interface ReadChunk extends Omit<Chunk, 'json'> {
  readonly values: readonly unknown[];
}

const PASSED: ReadChunk = { lo: 0, hi: 0, values: [], left: [] };

// Evaluated as the worker's script (a string, so it runs the same from lib/ and from the sources
// under jest). It loads the same js-yaml as load.ts, with the same depth limit, and builds the
// same schema (core, plus merge keys) from js-yaml's own types: a function cannot cross to a
// worker, so that one line is written in both places, and the tests compare the two loaders.
const WORKER_SOURCE = `
const { workerData } = require('worker_threads');
const { jsYamlPath, text, offset, state, port, maxDepth, chunkChars } = workerData;
const jsYaml = require(jsYamlPath);
const options = { schema: jsYaml.CORE_SCHEMA.extend({ implicit: [jsYaml.types.merge] }), maxDepth };
// A value JSON gives back as it was (no NaN, infinity or -0 anywhere in it), and shallow enough
// that its depth cannot matter: a worker's stack is larger than the main thread's, so a deep
// document that only the worker could parse would slip past the serial loader's limit.
const jsonSafe = (value, depth) => {
  if (typeof value === 'number') return Number.isFinite(value) && !(value === 0 && 1 / value < 0);
  if (value === null || typeof value !== 'object') return true;
  if (depth > ${SHALLOW_DEPTH}) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!jsonSafe(value[i], depth + 1)) return false;
    return true;
  }
  for (const key in value) if (!jsonSafe(value[key], depth + 1)) return false;
  return true;
};
// Where the documents start comes once the worker is running: finding them overlaps its start.
port.once('message', ({ first, starts }) => {
const count = starts.length;
const endOf = (i) => (i + 1 < count ? starts[i + 1] : text.length + offset) - offset;
let hi = first + count;
for (;;) {
  const mainNext = Atomics.load(state, ${MAIN_NEXT});
  let lo = hi;
  let chars = 0;
  while (lo > first && lo - 1 > mainNext && chars < chunkChars) {
    lo--;
    chars += endOf(lo - first) - (starts[lo - first] - offset);
  }
  if (lo >= hi) break;
  const values = [];
  const left = [];
  for (let i = lo; i < hi; i++) {
    const documentText = text.slice(starts[i - first] - offset, endOf(i - first));
    let value = null;
    if (documentText.includes('&')) {
      left.push(i);
    } else {
      try {
        value = jsYaml.load(documentText, options);
        if (value === undefined) value = null;
        if (!jsonSafe(value, 1)) { left.push(i); value = null; }
      } catch {
        left.push(i);
        value = null;
      }
    }
    values.push(value);
  }
  port.postMessage({ lo, hi, json: JSON.stringify(values), left });
  Atomics.store(state, ${LOWEST_DONE}, lo);
  hi = lo;
}
});
`;

/**
 * The worker's side of one file, as this thread reads it: `valueOf(i)` for each document i in
 * order, then `stop()`.
 */
export class ParallelParse {
  /**
   * Starts a worker on the back of `text`, or returns undefined when the text is too short to
   * gain, there is one core, or a worker cannot be made: this thread then parses everything.
   * Call `begin` with where the documents start before the first `valueOf`.
   */
  public static start(text: string, maxDepth: number, minChars = PARALLEL_MIN_CHARS, chunkChars = CHUNK_CHARS): ParallelParse | undefined {
    // On one core the worker would only take turns with this thread, and add the JSON on top.
    // (This counts the CPUs the process may run on, not a container's CPU quota.)
    if (text.length < minChars || availableParallelism() < 2) return undefined;
    // The worker may parse the documents that start in the back WORKER_SHARE of the text.
    const offset = Math.floor(text.length * (1 - WORKER_SHARE));
    const state = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    try {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { jsYamlPath: require.resolve('js-yaml'), text: text.slice(offset), offset, state, port: port2, maxDepth, chunkChars },
        transferList: [port2],
      });
      // A worker that fails only leaves its documents to this thread; its error must not end the process.
      worker.on('error', () => undefined);
      worker.unref();
      return new ParallelParse(worker, port1, state, offset);
    } catch {
      port1.close();
      return undefined;
    }
  }

  /** The worker's chunks, read back as they came; sorted by `lo` once this thread takes over. */
  private chunks: ReadChunk[] = [];
  private taking = false;
  private chunk = -1;

  private count = 0;
  /** The first document the worker may parse; every one before it is this thread's. */
  private first = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly state: Int32Array,
    /** Where the worker's copy of the text starts. */
    private readonly offset: number,
  ) {}

  /** Tells the worker where the documents start (`documentStarts` of the text). */
  public begin(starts: readonly number[]): void {
    this.count = starts.length;
    let first = 1;
    while (first < starts.length && starts[first] < this.offset) first++;
    this.first = first;
    Atomics.store(this.state, MAIN_NEXT, 0);
    Atomics.store(this.state, LOWEST_DONE, starts.length);
    this.port.postMessage({ first, starts: starts.slice(first) });
  }

  /** The first document the worker may parse; every one before it is this thread's. */
  public get firstWorkerDocument(): number {
    return this.first;
  }

  /** The lowest document the worker has sent so far (the number of documents until it sends one). */
  public get lowestDone(): number {
    return Atomics.load(this.state, LOWEST_DONE);
  }

  /** The worker has sent every document of its part (tests wait for it, to take its chunks for certain). */
  public get workerFinished(): boolean {
    return Atomics.load(this.state, LOWEST_DONE) <= this.firstWorkerDocument;
  }

  /** Document `index`'s value from the worker, or NOT_PARSED when this thread must parse it. Call in document order. */
  public valueOf(index: number): unknown {
    if (!this.taking) {
      Atomics.store(this.state, MAIN_NEXT, index);
      // Reading chunks back as they come, rather than all at the end, slows this thread's own
      // parsing: the worker then gets further, and the whole read ends sooner.
      if (index % READ_EVERY === 0) this.readArrived();
      if (index < Atomics.load(this.state, LOWEST_DONE)) return NOT_PARSED;
      this.takeOver();
    }
    while (this.chunk < 0 || index >= this.chunks[this.chunk].hi) {
      // A chunk behind is done with: its values that were taken live on in the input.
      if (this.chunk >= 0) this.chunks[this.chunk] = PASSED;
      if (++this.chunk >= this.chunks.length) throw new Error(`the parse worker sent no chunk with document ${index + 1}: a bug of cdk8s-istio-sidecar`);
    }
    const chunk = this.chunks[this.chunk];
    if (chunk.left.length > 0 && chunk.left.includes(index)) return NOT_PARSED;
    return chunk.values[index - chunk.lo];
  }

  /** Ends the worker (it may still be parsing documents this thread no longer needs). */
  public stop(): void {
    Atomics.store(this.state, MAIN_NEXT, this.count);
    this.port.close();
    void this.worker.terminate();
  }

  /** This thread reached the worker's lowest chunk: from here on, every document is in a chunk already sent. */
  private takeOver(): void {
    this.taking = true;
    Atomics.store(this.state, MAIN_NEXT, this.count);
    this.readArrived();
    this.chunks.sort((a, b) => a.lo - b.lo);
  }

  /** Reads back every chunk sent so far. */
  private readArrived(): void {
    for (let received = receiveMessageOnPort(this.port); received; received = receiveMessageOnPort(this.port)) {
      const { lo, hi, json, left } = received.message as Chunk;
      this.chunks.push({ lo, hi, left, values: JSON.parse(json) as unknown[] });
    }
  }
}
