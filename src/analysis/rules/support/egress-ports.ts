// How Istio reads an egress listener's port: it decides which checks the listener gets.
import { ListenerAt, egressListeners, perSidecar } from './sidecar-fields';
import { JsonObject, fieldPath, isObject, isPresent, stringAt } from '../../manifest';
import { SidecarResource } from '../../snapshot';

/**
 * - `catch-all`: no `port` at all; the listener serves every port not claimed by the others.
 * - `unix-socket`: a `port` whose `number` is missing or 0; it must bind a `unix://` socket.
 * - `numbered`: a positive whole `port.number`.
 * - `malformed`: `port` or its number has the wrong type (the schema rule reports it).
 */
export type EgressPortKind = 'catch-all' | 'unix-socket' | 'numbered' | 'malformed';

export interface EgressListener extends ListenerAt {
  readonly kind: EgressPortKind;
  /** `port.number` of a numbered listener; 0 for the other kinds. */
  readonly portNumber: number;
  /** `bind` when it is a string. */
  readonly bind?: string;
  /** `bind` is present and not null, whatever its type. */
  readonly hasBind: boolean;
}

export const UNIX_BIND_EXAMPLE = '"unix:///var/run/app.sock"';

function isAbsent(value: unknown): boolean {
  return !isPresent(value);
}

function portOf(listener: JsonObject): { kind: EgressPortKind; portNumber: number } {
  const port = listener.port;
  if (isAbsent(port)) return { kind: 'catch-all', portNumber: 0 };
  if (!isObject(port)) return { kind: 'malformed', portNumber: 0 };
  const number = port.number;
  if (isAbsent(number) || number === 0) return { kind: 'unix-socket', portNumber: 0 };
  if (typeof number === 'number' && Number.isInteger(number) && number > 0) return { kind: 'numbered', portNumber: number };
  return { kind: 'malformed', portNumber: 0 };
}

/** Every egress listener that is an object, with its port kind and bind read once. */
export const classifiedEgressListeners: (sidecar: SidecarResource) => readonly EgressListener[] = perSidecar((sidecar) =>
  egressListeners(sidecar).map((at) => ({
    ...at,
    ...portOf(at.listener),
    bind: stringAt(at.listener, 'bind'),
    hasBind: !isAbsent(at.listener.bind),
  })));

export function bindPath(listener: ListenerAt): string {
  return fieldPath(listener.path, 'bind');
}

export function captureModePath(listener: ListenerAt): string {
  return fieldPath(listener.path, 'captureMode');
}

export function portNumberPath(listener: ListenerAt): string {
  return fieldPath(fieldPath(listener.path, 'port'), 'number');
}
