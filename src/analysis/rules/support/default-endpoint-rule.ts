import { SyntaxFamily, SyntaxRuleDocs, syntaxFamilyRule } from './syntax-family-rule';
import { fieldPath } from '../../manifest';
import { SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { defaultEndpointProblems } from '../../syntax/address';

const DEFAULT_ENDPOINTS: SyntaxFamily = {
  values: (sidecar) => sidecarView(sidecar).ingress.flatMap(({ defaultEndpoint, path }) =>
    // An empty endpoint means "not set": Istio then picks the forwarding address itself.
    (defaultEndpoint ? [{ value: defaultEndpoint, path: fieldPath(path, 'defaultEndpoint') }] : [])),
  problems: defaultEndpointProblems,
  describe: (endpoint) => `defaultEndpoint ${JSON.stringify(endpoint)}`,
};

/** A rule of the defaultEndpoint family (the parser `Endpoint.parse` uses too). */
export function defaultEndpointRule(docs: SyntaxRuleDocs): SidecarRule {
  return syntaxFamilyRule(DEFAULT_ENDPOINTS, docs);
}
