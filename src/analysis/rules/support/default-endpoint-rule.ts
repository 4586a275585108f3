import { SyntaxFamily, SyntaxRuleDocs, syntaxFamilyRule } from './syntax-family-rule';
import { fieldPath } from '../../manifest';
import { SidecarRule } from '../../rule';
import { IngressListener, sidecarView } from '../../sidecar-view';
import { defaultEndpointProblems } from '../../syntax/address';

const DEFAULT_ENDPOINTS: SyntaxFamily<IngressListener> = {
  items: (sidecar) => sidecarView(sidecar).ingress,
  // An empty endpoint means "not set": Istio then picks the forwarding address itself.
  text: (listener) => listener.defaultEndpoint || undefined,
  pathOf: (listener) => fieldPath(listener.path, 'defaultEndpoint'),
  problems: defaultEndpointProblems,
  describe: (endpoint) => `defaultEndpoint ${JSON.stringify(endpoint)}`,
};

/** A rule of the defaultEndpoint family (the parser `Endpoint.parse` uses too). */
export function defaultEndpointRule(docs: SyntaxRuleDocs): SidecarRule {
  return syntaxFamilyRule(DEFAULT_ENDPOINTS, docs);
}
