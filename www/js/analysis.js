// The slow analyses (uncertainty bands, tornado, back-test) off the main thread: one module
// worker for every calculator on a page, each calculator with its own channels. A channel
// runs one request at a time and keeps only the newest waiting, so a result that arrives
// after a newer input is never drawn, and the last input is always computed. Where a worker
// cannot start (a file: page, the single-file build, a sandboxed iframe, a policy that
// forbids it), the same calls run on the main thread and give the same numbers.
import { workerUrl, wasmModule } from './api.js';

let worker;
let nextId = 1;
const waiting = new Map(); // id -> { resolve, reject, kind, scenario, options }

/** Starts the worker once; null where none can run. Tries the worker script itself, then a
 *  same-origin trampoline for pages on another origin. */
function startWorker() {
  if (worker !== undefined) return worker || null;
  worker = null;
  const url = workerUrl();
  if (!url || typeof Worker !== 'function' || location.protocol === 'file:') return worker;
  const attempts = [() => new Worker(url, { type: 'module' })];
  if (new URL(url).origin !== location.origin && typeof Blob === 'function') {
    attempts.push(() => new Worker(URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};`], { type: 'text/javascript' })), { type: 'module' }));
  }
  for (const attempt of attempts) {
    try {
      worker = attempt();
      break;
    } catch {
      worker = null;
    }
  }
  if (!worker) return worker;
  worker.onmessage = ({ data }) => {
    const job = waiting.get(data.id);
    if (!job) return;
    waiting.delete(data.id);
    if (data.broken) return abandon(job);
    if (data.error) job.reject(Object.assign(new Error(data.error.message), { name: data.error.name }));
    else job.resolve(data.result);
  };
  worker.onerror = (event) => {
    // The worker could not load (a policy, a missing module type): run everything here.
    event.preventDefault?.();
    abandon();
  };
  return worker;
}

/** Gives up the worker for good: this job and every waiting one, and every later one, run
 *  on the main thread. */
function abandon(job) {
  worker?.terminate();
  worker = false;
  const jobs = [...waiting.values()];
  waiting.clear();
  if (job) jobs.unshift(job);
  for (const j of jobs) runHere(j);
}

let api = null;

function runHere(job) {
  setTimeout(() => {
    try {
      job.resolve(api[job.kind](job.scenario, job.options));
    } catch (e) {
      job.reject(e);
    }
  }, 0);
}

/** Runs one analysis in the worker, or here when there is none. */
function run(kind, scenario, options) {
  return new Promise((resolve, reject) => {
    const job = { resolve, reject, kind, scenario, options };
    const w = startWorker();
    if (!w) return runHere(job);
    const id = nextId++;
    waiting.set(id, job);
    wasmModule().then((module) => w.postMessage({ id, kind, scenario, options, module }), () => abandon());
  });
}

/** Whether analyses run in a worker (after the first request). */
export function inWorker() {
  return Boolean(worker);
}

/**
 * A channel for one kind of analysis of one calculator. `request(scenario, options)`
 * resolves with the result, or with null when a newer request has replaced it.
 */
export function channel(theApi, kind) {
  api = theApi;
  let running = false;
  let next = null; // the newest request that waits: { scenario, options, resolve }
  let latest = 0;
  function pump() {
    if (running || !next) return;
    const { scenario, options, resolve, reject, ticket } = next;
    next = null;
    running = true;
    run(kind, scenario, options).then(
      (result) => resolve(ticket === latest ? result : null),
      (error) => (ticket === latest ? reject(error) : resolve(null)),
    ).finally(() => {
      running = false;
      pump();
    });
  }
  return {
    request(scenario, options) {
      return new Promise((resolve, reject) => {
        next?.resolve(null);
        next = { scenario, options, resolve, reject, ticket: ++latest };
        pump();
      });
    },
  };
}
