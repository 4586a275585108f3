// The `port` of every ingress and egress listener: the SidecarPort the port rules check.
import { ListenerAt, egressListeners, ingressListeners, perSidecar } from './sidecar-fields';
import { JsonObject, fieldPath, objectAt } from '../../manifest';
import { SidecarResource } from '../../snapshot';

export interface SidecarPortAt {
  readonly port: JsonObject;
  /** e.g. `spec.egress[1].port`. */
  readonly path: string;
  readonly direction: 'ingress' | 'egress';
  readonly listener: ListenerAt;
}

/** Every listener port that is an object, ingress first, in input order. */
export const sidecarPorts: (sidecar: SidecarResource) => readonly SidecarPortAt[] = perSidecar((sidecar) => {
  const result: SidecarPortAt[] = [];
  const collect = (direction: 'ingress' | 'egress', listeners: readonly ListenerAt[]) => {
    for (const listener of listeners) {
      const port = objectAt(listener.listener, 'port');
      if (port) result.push({ port, path: fieldPath(listener.path, 'port'), direction, listener });
    }
  };
  collect('ingress', ingressListeners(sidecar));
  collect('egress', egressListeners(sidecar));
  return result;
});
