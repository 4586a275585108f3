// Shared by the ingress listener rules: the listener's port and the defaultEndpoint family.
import { ListenerAt, ingressListeners, perSidecar } from './sidecar-fields';
import { SyntaxFamily, SyntaxRuleDocs, syntaxFamilyRule } from './syntax-family-rule';
import { JsonObject, fieldPath, isObject, objectAt, stringAt } from '../../manifest';
import { SidecarRule } from '../../rule';
import { SidecarResource } from '../../snapshot';
import { defaultEndpointProblems } from '../../syntax/address';

/** The listener's `port` object, or undefined when it is missing or not an object. */
export function listenerPort(listener: JsonObject): JsonObject | undefined {
  return objectAt(listener, 'port');
}

/**
 * The listener's port protocol as Istio reads it: "" when the protocol is missing. Undefined when
 * there is no port object at all: S-IN-PORT-REQUIRED (or the schema rule) reports that, and
 * Istio checks nothing else on such a listener.
 */
export function portProtocol(listener: JsonObject): string | undefined {
  const port = listener.port;
  return isObject(port) ? stringAt(port, 'protocol') ?? '' : undefined;
}

/**
 * The port number as Istio reads it: a missing or null number is 0. Undefined when the number
 * is not a whole number at all (the schema rule reports that).
 */
export function portNumber(port: JsonObject): number | undefined {
  const value = port.number;
  if (value === undefined || value === null) return 0;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Every ingress listener with its port object (skipping listeners without one). */
export const ingressPorts: (sidecar: SidecarResource) => ReadonlyArray<ListenerAt & { port: JsonObject }> = perSidecar((sidecar) =>
  ingressListeners(sidecar).flatMap((at) => {
    const port = listenerPort(at.listener);
    return port ? [{ ...at, port }] : [];
  }));

const DEFAULT_ENDPOINTS: SyntaxFamily = {
  values: (sidecar) => ingressListeners(sidecar).flatMap(({ listener, path }) => {
    const endpoint = stringAt(listener, 'defaultEndpoint');
    // An empty endpoint means "not set": Istio then picks the forwarding address itself.
    return endpoint ? [{ value: endpoint, path: fieldPath(path, 'defaultEndpoint') }] : [];
  }),
  problems: defaultEndpointProblems,
  describe: (endpoint) => `defaultEndpoint ${JSON.stringify(endpoint)}`,
};

/** A rule of the defaultEndpoint family (the parser `Endpoint.parse` uses too). */
export function defaultEndpointRule(docs: SyntaxRuleDocs): SidecarRule {
  return syntaxFamilyRule(DEFAULT_ENDPOINTS, docs);
}
