import { defaultEndpointRule } from '../support/default-endpoint-rule';
import { sidecarManifest } from '../support/example-manifests';

const PORT = { number: 9080, protocol: 'HTTP', name: 'http' };

export const defaultEndpointHost = defaultEndpointRule({
  id: 'S-IN-DEFAULT-ENDPOINT-HOST',
  title: 'A TCP defaultEndpoint forwards to 127.0.0.1, 0.0.0.0, [::1], [::] or an empty host',
  why: 'Istio forwards ingress traffic only to the workload\'s loopback or any-address interface, and compares the host as an exact string: "localhost", another IP or an expanded IPv6 form is rejected.',
  fix: 'Write the endpoint as "127.0.0.1:<port>", "0.0.0.0:<port>", "[::1]:<port>", "[::]:<port>" or ":<port>".',
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: PORT, defaultEndpoint: 'localhost:8080' }] })],
    passing: [sidecarManifest({ ingress: [{ port: PORT, defaultEndpoint: '127.0.0.1:8080' }] })],
  },
});
