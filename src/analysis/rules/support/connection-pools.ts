// Shared by the connection-pool rules: the Sidecar-wide pool and every ingress listener's pool.
import { ListenerAt, ingressListeners, perSidecar } from './sidecar-fields';
import { JsonObject, fieldPath, objectAt, isPresent as isPresentValue } from '../../manifest';
import { SidecarResource } from '../../snapshot';

export interface PoolAt {
  readonly pool: JsonObject;
  /** e.g. `spec.inboundConnectionPool` or `spec.ingress[0].connectionPool`. */
  readonly path: string;
  /** The ingress listener that owns a per-port pool; undefined for `inboundConnectionPool`. */
  readonly listener?: ListenerAt;
}

/** `spec.inboundConnectionPool`, then each ingress listener's `connectionPool` (object ones only). */
export const connectionPools: (sidecar: SidecarResource) => readonly PoolAt[] = perSidecar((sidecar) => {
  const pools: PoolAt[] = [];
  const inbound = objectAt(sidecar.spec, 'inboundConnectionPool');
  if (inbound) pools.push({ pool: inbound, path: 'spec.inboundConnectionPool' });
  for (const listener of ingressListeners(sidecar)) {
    const pool = objectAt(listener.listener, 'connectionPool');
    if (pool) pools.push({ pool, path: fieldPath(listener.path, 'connectionPool'), listener });
  }
  return pools;
});

export interface SectionAt {
  readonly section: JsonObject;
  /** `http` or `tcp`. */
  readonly name: string;
  readonly path: string;
}

/** The pool's `http` or `tcp` settings, when they are an object. */
export function poolSection(at: PoolAt, name: 'http' | 'tcp'): SectionAt | undefined {
  const section = objectAt(at.pool, name);
  return section ? { section, name, path: fieldPath(at.path, name) } : undefined;
}

/** Whether a key holds a value at all (null is how YAML writes "absent"). */
export function isPresent(parent: JsonObject, key: string): boolean {
  return isPresentValue(parent[key]);
}

/** A connection pool for rule examples. */
export const TCP_POOL = { tcp: { maxConnections: 100, connectTimeout: '5s' } };
