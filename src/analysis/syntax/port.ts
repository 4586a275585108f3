import { isDns1123Label } from './dns';

/** Every protocol name Istio's webhook accepts on a Sidecar port (compared case-insensitively). */
export const ISTIO_PROTOCOLS: readonly string[] = [
  'HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY', 'TCP', 'TLS', 'UDP', 'MONGO', 'REDIS', 'MYSQL',
];

export function isIstioProtocol(protocol: string): boolean {
  return ISTIO_PROTOCOLS.includes(protocol.toUpperCase());
}

export function protocolProblem(protocol: string): string | undefined {
  return isIstioProtocol(protocol) ? undefined : `expected one of ${ISTIO_PROTOCOLS.join(', ')} (or no protocol, to let Istio sniff it)`;
}

export function portNameProblem(name: string): string | undefined {
  return isDns1123Label(name)
    ? undefined
    : 'expected a DNS label: at most 63 letters, digits and "-", starting and ending with a letter or digit, e.g. "http-web"';
}

export function portNumberProblem(value: number): string | undefined {
  return Number.isInteger(value) && value >= 1 && value <= 65535 ? undefined : 'expected a whole number from 1 to 65535';
}

/** The largest value of the Sidecar CRD's uint32 port fields. */
export const UINT32_MAX = 4294967295;

/** A whole number the CRD's uint32 fields accept (0..4294967295). */
export function isUint32(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= UINT32_MAX;
}
