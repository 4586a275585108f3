import { defaultEndpointRule } from '../support/default-endpoint-rule';
import { sidecarManifest } from '../support/example-manifests';

const PORT = { number: 9080, protocol: 'HTTP', name: 'http' };

export const defaultEndpointPort = defaultEndpointRule({
  id: 'S-IN-DEFAULT-ENDPOINT-PORT',
  title: 'A TCP defaultEndpoint ends in a port from 1 to 65535',
  why: 'Istio rejects a defaultEndpoint whose port is missing, not a number, or outside 1..65535: it is the application port the sidecar forwards to.',
  fix: 'Append the application\'s port, e.g. "127.0.0.1:8080".',
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: PORT, defaultEndpoint: '127.0.0.1' }] })],
    passing: [sidecarManifest({ ingress: [{ port: PORT, defaultEndpoint: '127.0.0.1:8080' }] })],
  },
});
