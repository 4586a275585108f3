// Walkers over the parts of a Sidecar that many rules visit. They skip what is not of the
// expected type: the schema rule reports that, once.
import { JsonObject, arrayAt, fieldPath, isObject } from '../../manifest';
import { SidecarResource } from '../../snapshot';

/**
 * Makes a per-Sidecar view computed once and shared by every rule that asks for it: some
 * seventy rules read the same listeners, and walking them seventy times dominated analysis.
 * Views are read-only: callers must copy before sorting or changing them.
 */
export function perSidecar<T>(compute: (sidecar: SidecarResource) => T): (sidecar: SidecarResource) => T {
  const cache = new WeakMap<SidecarResource, T>();
  return (sidecar) => {
    let value = cache.get(sidecar);
    if (value === undefined) {
      value = compute(sidecar);
      cache.set(sidecar, value);
    }
    return value;
  };
}

export interface ListenerAt {
  readonly listener: JsonObject;
  readonly index: number;
  readonly path: string;
}

function listeners(sidecar: SidecarResource, key: 'ingress' | 'egress'): ListenerAt[] {
  const items = arrayAt(sidecar.spec, key) ?? [];
  const result: ListenerAt[] = [];
  items.forEach((item, index) => {
    if (isObject(item)) result.push({ listener: item, index, path: fieldPath(fieldPath('spec', key), index) });
  });
  return result;
}

export const ingressListeners: (sidecar: SidecarResource) => readonly ListenerAt[] = perSidecar((s) => listeners(s, 'ingress'));

export const egressListeners: (sidecar: SidecarResource) => readonly ListenerAt[] = perSidecar((s) => listeners(s, 'egress'));

export interface EgressHostAt {
  readonly host: string;
  readonly listener: ListenerAt;
  readonly path: string;
}

/** Every string host of every egress listener. */
export const egressHosts: (sidecar: SidecarResource) => readonly EgressHostAt[] = perSidecar((sidecar) => {
  const result: EgressHostAt[] = [];
  for (const listener of egressListeners(sidecar)) {
    (arrayAt(listener.listener, 'hosts') ?? []).forEach((host, i) => {
      if (typeof host === 'string') result.push({ host, listener, path: fieldPath(fieldPath(listener.path, 'hosts'), i) });
    });
  }
  return result;
});
