// `cdk8s-istio-sidecar reach`: scopes and answers, through the built bin as users run it.
import { spawnSync } from 'child_process';
import { join } from 'path';
import { builtBin } from '../setup/built-package';

const FIXTURE = join(__dirname, 'fixtures', 'reach.yaml');

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [builtBin(), ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const svc = (name: string, namespace: string, ports: number[]) => ({ host: `${name}.${namespace}.svc.cluster.local`, namespace, kind: 'Service', ports });

describe('cdk8s-istio-sidecar reach', () => {
  test('without --to: every workload\'s scope, in the documented JSON shape, hosts sorted, ports ascending', () => {
    const { code, stdout, stderr } = cli(['reach', '--format', 'json', FIXTURE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      workloads: [
        {
          workload: { kind: 'Deployment', namespace: 'bookinfo', name: 'productpage' },
          sidecar: { namespace: 'bookinfo', name: 'default' },
          outboundTrafficPolicy: 'REGISTRY_ONLY',
          hosts: [
            { host: 'api.example.com', namespace: 'external', kind: 'ServiceEntry', ports: [443] },
            svc('details', 'bookinfo', [9080]),
            // Only on the listener's port: a port listener narrows what it imports to its port.
            svc('prometheus', 'monitoring', [9091]),
            svc('reviews', 'bookinfo', [9080]),
          ],
        },
        {
          workload: { kind: 'Deployment', namespace: 'ratings', name: 'reviews' },
          sidecar: null,
          outboundTrafficPolicy: 'ALLOW_ANY',
          hosts: [
            { host: 'api.example.com', namespace: 'external', kind: 'ServiceEntry', ports: [443] },
            svc('details', 'bookinfo', [9080]),
            svc('prometheus', 'monitoring', [9090, 9091]),
            svc('ratings', 'ratings', [9080]),
            svc('reviews', 'bookinfo', [9080]),
          ],
        },
      ],
    });
  });

  test('text: one block per workload with the scope\'s size and where its outbound policy comes from', () => {
    const { code, stdout } = cli(['reach', '--from', 'ratings/reviews', FIXTURE]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Deployment ratings/reviews -> no Sidecar (istiod\'s default scope): 5 of 5 hosts, outbound ALLOW_ANY (Istio\'s default: the input and the options give no mesh outbound policy)');
    expect(stdout).toContain('  prometheus.monitoring.svc.cluster.local:9090,9091  [Service monitoring]');
  });

  test('--outbound-policy sets the mesh\'s mode for workloads without a Sidecar policy', () => {
    const { stdout } = cli(['reach', '--format', 'json', '--outbound-policy', 'REGISTRY_ONLY', '--from', 'ratings/reviews', FIXTURE]);
    expect(JSON.parse(stdout).workloads[0].outboundTrafficPolicy).toBe('REGISTRY_ONLY');
  });

  test('--to, reachable -> exit 0 and the Sidecar, listener and egress host that serve it', () => {
    const { code, stdout } = cli(['reach', '--format', 'json', '--from', 'bookinfo/productpage', '--to', 'reviews:9080', FIXTURE]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      from: { kind: 'Deployment', namespace: 'bookinfo', name: 'productpage' },
      to: { host: 'reviews.bookinfo.svc.cluster.local', port: 9080 },
      reachable: true,
      via: { sidecar: { namespace: 'bookinfo', name: 'default' }, listener: 'spec.egress[1]', host: './*' },
      reason: 'spec.egress[1] (catch-all) of Sidecar bookinfo/default imports "reviews.bookinfo.svc.cluster.local:9080" through "./*" (spec.egress[1].hosts[0]), from Service bookinfo/reviews',
    });
  });

  test('--to, not reachable -> exit 1, why, and the egress host to add on which listener', () => {
    const { code, stdout } = cli(['reach', '--format', 'json', '--from', 'bookinfo/productpage', '--to', 'ratings.ratings:9080', FIXTURE]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      from: { kind: 'Deployment', namespace: 'bookinfo', name: 'productpage' },
      to: { host: 'ratings.ratings.svc.cluster.local', port: 9080 },
      reachable: false,
      via: null,
      reason: 'calls to "ratings.ratings.svc.cluster.local:9080" go to the BlackHoleCluster under REGISTRY_ONLY (its outboundTrafficPolicy): '
        + 'spec.egress[1] (catch-all) of Sidecar bookinfo/default imports no host matching "ratings.ratings.svc.cluster.local"; add "ratings/ratings.ratings.svc.cluster.local" to spec.egress[1].hosts',
    });
  });

  test('--to in text, and a passthrough under ALLOW_ANY counts as reachable (exit 0) and says it leaves the mesh', () => {
    const { code, stdout } = cli(['reach', '--from', 'ratings/reviews', '--to', 'www.example.org:443', FIXTURE]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Deployment ratings\/reviews reaches, outside the mesh, www\.example\.org:443: calls to "www\.example\.org:443" leave through the PassthroughCluster under ALLOW_ANY/);
  });

  test.each([
    [['--from', 'bookinfo/nope', '--to', 'reviews:9080'], 'no workload "bookinfo/nope" in the input; workloads include "bookinfo/productpage", "ratings/reviews"'],
    [['--from', 'productpage', '--to', 'reviews:9080'], 'the workload "productpage" is not NS/NAME or NS/KIND/NAME'],
    [['--from', 'bookinfo/productpage', '--to', 'reviews:0'], 'the target "reviews:0" is invalid: the port "0" is invalid'],
  ])('bad question %j -> exit 2 and what to write', (args, message) => {
    const { code, stdout, stderr } = cli(['reach', ...args, FIXTURE]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  test('explain gains the size of each scope', () => {
    const { stdout } = cli(['explain', '--format', 'json', FIXTURE]);
    expect(JSON.parse(stdout).workloads.map((w: { scope: unknown }) => w.scope)).toEqual([{ hosts: 4, visible: 5 }, { hosts: 5, visible: 5 }]);
  });

  test('lint: declared calls the Sidecar serves report nothing', () => {
    const { code, stdout } = cli(['lint', '--format', 'json', FIXTURE]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([]);
  });
});
