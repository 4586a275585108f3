// Synth overhead: N Sidecars across N/10 namespaces, one chart per namespace (a namespace
// default and nine workload Sidecars, each selecting its own Deployment). Built once with this
// library's constructs and its app-wide validation, and once as the same manifests written as raw
// ApiObjects with no validation, alternating in one process. Reports the median time ratio.
//   npx projen bench:synth            (BENCH_RUNS=7 for more runs, BENCH_SIZES=1000,10000)
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { EgressHost, Endpoint, NamespaceDefaultSidecar, SidecarPort, WorkloadSelector, WorkloadSidecar } from '../src';
import { median, report, round, runs, time } from './measure';
import { AppValidation } from '../src/validation/app-validation';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);

/** A Deployment as cdk8s-plus renders one: selector labels repeated on the pod template. */
function deployment(scope: Construct, app: string): ApiObject {
  const labels = { 'app': app, 'cdk8s.io/metadata.addr': `${app}-c8d9a1f2` };
  return new ApiObject(scope, `${app}-deployment`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'main', image: `registry.example.com/${app}:1.0.0`, ports: [{ containerPort: 8080 }] }] },
      },
    },
  });
}

const DEFAULT_EGRESS = ['./*', 'istio-system/*'];

function withConstructs(app: App, n: number): void {
  for (let ns = 0; ns < n / 10; ns++) {
    const namespace = `team-${ns}`;
    const chart = new Chart(app, namespace, { namespace });
    new NamespaceDefaultSidecar(chart, 'default', { egress: [{ hosts: DEFAULT_EGRESS.map((h) => EgressHost.parse(h)) }] });
    for (let w = 1; w < 10; w++) {
      const name = `app-${ns * 10 + w}`;
      new WorkloadSidecar(chart, name, {
        name,
        selector: WorkloadSelector.fromWorkload(deployment(chart, name)),
        ingress: [{ port: SidecarPort.http(8080, 'http'), defaultEndpoint: Endpoint.loopback(8080) }],
        egress: [
          { port: SidecarPort.tcp(5432, 'postgres'), hosts: [EgressHost.namespace(namespace).host(`db.${namespace}.svc.cluster.local`)] },
          { hosts: DEFAULT_EGRESS.map((h) => EgressHost.parse(h)) },
        ],
      });
    }
  }
}

function rawSidecar(scope: Construct, id: string, name: string, spec: unknown): void {
  new ApiObject(scope, id, { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name }, spec });
}

function withRawObjects(app: App, n: number): void {
  for (let ns = 0; ns < n / 10; ns++) {
    const namespace = `team-${ns}`;
    const chart = new Chart(app, namespace, { namespace });
    rawSidecar(chart, 'default', 'default', { egress: [{ hosts: DEFAULT_EGRESS }] });
    for (let w = 1; w < 10; w++) {
      const name = `app-${ns * 10 + w}`;
      deployment(chart, name);
      rawSidecar(chart, name, name, {
        workloadSelector: { labels: { 'app': name, 'cdk8s.io/metadata.addr': `${name}-c8d9a1f2` } },
        ingress: [{ port: { number: 8080, protocol: 'HTTP', name: 'http' }, defaultEndpoint: '127.0.0.1:8080' }],
        egress: [
          { port: { number: 5432, protocol: 'TCP', name: 'postgres' }, hosts: [`${namespace}/db.${namespace}.svc.cluster.local`] },
          { hosts: DEFAULT_EGRESS },
        ],
      });
    }
  }
}

/** The library's constructs with the app-wide validation switched off: what validation itself costs. */
function withConstructsUnvalidated(app: App, n: number): void {
  withConstructs(app, n);
}

/** Builds the app and synthesizes it to disk, as `cdk8s synth` does. */
function synth(build: (app: App, n: number) => void, n: number): number {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  const validate = AppValidation.prototype.validate;
  if (build === withConstructsUnvalidated) AppValidation.prototype.validate = () => [];
  try {
    return time(() => {
      const app = new App({ outdir });
      build(app, n);
      app.synth();
    });
  } finally {
    AppValidation.prototype.validate = validate;
    rmSync(outdir, { recursive: true, force: true });
  }
}

// Same manifests both ways, or the ratio means nothing.
const sameA = Testing.app();
withConstructs(sameA, 100);
const sameB = Testing.app();
withRawObjects(sameB, 100);
if (sameA.synthYaml() !== sameB.synthYaml()) throw new Error('the two variants do not render the same manifests');

const VARIANTS = { library: withConstructs, raw: withRawObjects, unvalidated: withConstructsUnvalidated };
type Variant = keyof typeof VARIANTS;

const sizes = SIZES.map((n) => {
  const count = runs(n >= 10_000 ? 5 : 7);
  const times: Record<Variant, number[]> = { library: [], raw: [], unvalidated: [] };
  const order = Object.keys(VARIANTS) as Variant[];
  for (let i = 0; i < count; i++) {
    // Rotate which variant goes first, so warm-up and the machine's drift favour none.
    for (let j = 0; j < order.length; j++) {
      const variant = order[(i + j) % order.length];
      times[variant].push(synth(VARIANTS[variant], n));
    }
  }
  const ms = (v: Variant) => round(median(times[v]), 1);
  const figures = {
    n,
    namespaces: n / 10,
    charts: n / 10,
    runs: count,
    libraryMs: ms('library'),
    rawMs: ms('raw'),
    unvalidatedLibraryMs: ms('unvalidated'),
    ratio: round(median(times.library) / median(times.raw)),
    validationOnlyRatio: round(median(times.library) / median(times.unvalidated)),
    pairedRatios: times.library.map((t, i) => round(t / times.raw[i])),
  };
  console.error(`N=${n}: ${JSON.stringify(figures)}`);
  return figures;
});

report('synth-overhead', { command: 'npx projen bench:synth', node: process.version, sizes, target: { ratioAt10k: '<= 1.10' } });
