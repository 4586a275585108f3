// Walkers over the parts of a Sidecar that many rules visit. They skip what is not of the
// expected type: the schema rule reports that, once.
import { JsonObject, arrayAt, fieldPath, isObject } from '../manifest';
import { SidecarResource } from '../snapshot';

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

export function ingressListeners(sidecar: SidecarResource): ListenerAt[] {
  return listeners(sidecar, 'ingress');
}

export function egressListeners(sidecar: SidecarResource): ListenerAt[] {
  return listeners(sidecar, 'egress');
}

export interface EgressHostAt {
  readonly host: string;
  readonly listener: ListenerAt;
  readonly path: string;
}

/** Every string host of every egress listener. */
export function egressHosts(sidecar: SidecarResource): EgressHostAt[] {
  const result: EgressHostAt[] = [];
  for (const listener of egressListeners(sidecar)) {
    (arrayAt(listener.listener, 'hosts') ?? []).forEach((host, i) => {
      if (typeof host === 'string') result.push({ host, listener, path: fieldPath(fieldPath(listener.path, 'hosts'), i) });
    });
  }
  return result;
}
