import { defaultEndpointRule } from '../support/default-endpoint-rule';
import { sidecarManifest } from '../support/example-manifests';

const PORT = { number: 9080, protocol: 'HTTP', name: 'http' };

export const defaultEndpointUds = defaultEndpointRule({
  id: 'S-IN-DEFAULT-ENDPOINT-UDS',
  title: 'A Unix-socket defaultEndpoint names an absolute socket path or an abstract socket',
  why: 'Istio rejects a "unix://" endpoint with an empty, relative or directory path ("unix:///", "unix://var/run/a.sock", "unix:///var/run/").',
  fix: 'Write the socket as "unix:///absolute/path.sock" or, for a Linux abstract socket, "unix://@name".',
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: PORT, defaultEndpoint: 'unix://var/run/app.sock' }] })],
    passing: [sidecarManifest({ ingress: [{ port: PORT, defaultEndpoint: 'unix:///var/run/app.sock' }] })],
  },
});
