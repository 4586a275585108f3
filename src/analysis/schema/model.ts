// The project's own model of the Sidecar spec's structure, written by hand from reading the
// Sidecar CRD (networking.istio.io v1; v1beta1 and v1alpha3 serve the same schema). It records
// what the API server checks before Istio's webhook runs: field names, types, numeric ranges,
// enums, and the few extra constraints the CRD declares. Plain data, so that rules and tests
// can walk it and check anything a construct emits against it.
import { UINT32_MAX } from '../syntax/port';

/** An object with a fixed set of fields; any other field is unknown to the CRD. */
export interface ObjectSchema {
  readonly type: 'object';
  readonly fields: { readonly [name: string]: SchemaNode };
  /** Fields the CRD requires. */
  readonly required?: readonly string[];
  /** Groups of fields of which at most one may be set (CRD CEL rules). */
  readonly mutuallyExclusive?: ReadonlyArray<readonly string[]>;
}

/** A list whose items all follow `items`. */
export interface ArraySchema {
  readonly type: 'array';
  readonly items: SchemaNode;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface StringSchema {
  readonly type: 'string';
  readonly maxLength?: number;
  /** A substring the CRD's CEL rules forbid, e.g. "*" in selector label values. */
  readonly forbiddenSubstring?: string;
}

/** A JSON number that must be whole and within [minimum, maximum]. */
export interface IntegerSchema {
  readonly type: 'integer';
  readonly minimum: number;
  readonly maximum: number;
}

export interface BooleanSchema {
  readonly type: 'boolean';
  /** The CRD keeps an explicit null instead of pruning it. */
  readonly nullable?: boolean;
}

/** An object with free-form keys and string values (labels). */
export interface StringMapSchema {
  readonly type: 'stringMap';
  readonly values: StringSchema;
  readonly maxProperties?: number;
}

/** A string holding a duration such as "1.5s" (a protobuf Duration). */
export interface DurationSchema {
  readonly type: 'duration';
  /** The smallest duration the CRD's CEL rules accept, e.g. "1ms". */
  readonly minimum?: string;
}

/** A string that must be one of `values`. */
export interface EnumSchema {
  readonly type: 'enum';
  readonly values: readonly string[];
}

export type SchemaNode =
  | ObjectSchema | ArraySchema | StringSchema | IntegerSchema | BooleanSchema | StringMapSchema | DurationSchema | EnumSchema;

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

const STRING: StringSchema = { type: 'string' };
const BOOLEAN: BooleanSchema = { type: 'boolean' };
const STRING_LIST: ArraySchema = { type: 'array', items: STRING };
const INT32: IntegerSchema = { type: 'integer', minimum: INT32_MIN, maximum: INT32_MAX };
const UINT32: IntegerSchema = { type: 'integer', minimum: 0, maximum: UINT32_MAX };
const DURATION_AT_LEAST_1MS: DurationSchema = { type: 'duration', minimum: '1ms' };

export const CAPTURE_MODES: readonly string[] = ['DEFAULT', 'IPTABLES', 'NONE'];
export const H2_UPGRADE_POLICIES: readonly string[] = ['DEFAULT', 'DO_NOT_UPGRADE', 'UPGRADE'];
export const TLS_PROTOCOL_VERSIONS: readonly string[] = ['TLS_AUTO', 'TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3'];
export const SERVER_TLS_MODES: readonly string[] = [
  'PASSTHROUGH', 'SIMPLE', 'MUTUAL', 'AUTO_PASSTHROUGH', 'ISTIO_MUTUAL', 'OPTIONAL_MUTUAL',
];
export const OUTBOUND_TRAFFIC_POLICY_MODES: readonly string[] = ['REGISTRY_ONLY', 'ALLOW_ANY'];

/** `SidecarPort`, shared by ingress and egress listeners. */
export const SIDECAR_PORT_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: { name: STRING, number: UINT32, protocol: STRING, targetPort: UINT32 },
};

export const CONNECTION_POOL_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    http: {
      type: 'object',
      fields: {
        h2UpgradePolicy: { type: 'enum', values: H2_UPGRADE_POLICIES },
        http1MaxPendingRequests: INT32,
        http2KeepAlive: { type: 'object', fields: { interval: DURATION_AT_LEAST_1MS, timeout: DURATION_AT_LEAST_1MS } },
        http2MaxRequests: INT32,
        idleTimeout: DURATION_AT_LEAST_1MS,
        maxConcurrentStreams: INT32,
        maxRequestsPerConnection: INT32,
        maxRetries: INT32,
        useClientProtocol: BOOLEAN,
      },
    },
    tcp: {
      type: 'object',
      fields: {
        connectTimeout: DURATION_AT_LEAST_1MS,
        // "0s" turns the idle timeout off, so the CRD sets no minimum here.
        idleTimeout: { type: 'duration' },
        maxConnectionDuration: DURATION_AT_LEAST_1MS,
        maxConnections: INT32,
        tcpKeepalive: {
          type: 'object',
          fields: { interval: DURATION_AT_LEAST_1MS, probes: UINT32, time: DURATION_AT_LEAST_1MS },
        },
      },
    },
  },
};

/** `ServerTLSSettings`. Several fields are valid schema that the webhook rejects on a Sidecar. */
export const SERVER_TLS_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    caCertCredentialName: STRING,
    caCertificates: STRING,
    caCrl: STRING,
    cipherSuites: STRING_LIST,
    credentialName: STRING,
    credentialNames: { type: 'array', items: STRING, minItems: 1, maxItems: 2 },
    ecdhCurves: STRING_LIST,
    httpsRedirect: BOOLEAN,
    insecureSkipVerify: { type: 'boolean', nullable: true },
    maxProtocolVersion: { type: 'enum', values: TLS_PROTOCOL_VERSIONS },
    minProtocolVersion: { type: 'enum', values: TLS_PROTOCOL_VERSIONS },
    mode: { type: 'enum', values: SERVER_TLS_MODES },
    privateKey: STRING,
    serverCertificate: STRING,
    subjectAltNames: STRING_LIST,
    tlsCertificates: {
      type: 'array',
      items: { type: 'object', fields: { caCertificates: STRING, privateKey: STRING, serverCertificate: STRING } },
      minItems: 1,
      maxItems: 2,
    },
    verifyCertificateHash: STRING_LIST,
    verifyCertificateSpki: STRING_LIST,
  },
  // The CRD declares three CEL rules, but its third repeats the first (an upstream slip), so
  // only two pairs are actually exclusive.
  mutuallyExclusive: [['tlsCertificates', 'credentialNames'], ['credentialName', 'credentialNames']],
};

export const INGRESS_LISTENER_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    bind: STRING,
    captureMode: { type: 'enum', values: CAPTURE_MODES },
    connectionPool: CONNECTION_POOL_SCHEMA,
    defaultEndpoint: STRING,
    port: SIDECAR_PORT_SCHEMA,
    tls: SERVER_TLS_SCHEMA,
  },
  required: ['port'],
};

export const EGRESS_LISTENER_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    bind: STRING,
    captureMode: { type: 'enum', values: CAPTURE_MODES },
    hosts: STRING_LIST,
    port: SIDECAR_PORT_SCHEMA,
  },
  required: ['hosts'],
};

export const OUTBOUND_TRAFFIC_POLICY_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    egressProxy: {
      type: 'object',
      fields: { host: STRING, port: { type: 'object', fields: { number: UINT32 } }, subset: STRING },
      required: ['host'],
    },
    mode: { type: 'enum', values: OUTBOUND_TRAFFIC_POLICY_MODES },
  },
};

export const WORKLOAD_SELECTOR_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    labels: {
      type: 'stringMap',
      values: { type: 'string', maxLength: 63, forbiddenSubstring: '*' },
      maxProperties: 256,
    },
  },
};

/** The whole `spec` of a Sidecar. */
export const SIDECAR_SPEC_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    egress: { type: 'array', items: EGRESS_LISTENER_SCHEMA },
    inboundConnectionPool: CONNECTION_POOL_SCHEMA,
    ingress: { type: 'array', items: INGRESS_LISTENER_SCHEMA },
    outboundTrafficPolicy: OUTBOUND_TRAFFIC_POLICY_SCHEMA,
    workloadSelector: WORKLOAD_SELECTOR_SCHEMA,
  },
};
