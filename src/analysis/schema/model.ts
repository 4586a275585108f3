// The project's own model of the Sidecar spec's structure (networking.istio.io v1; v1beta1 and
// v1alpha3 serve the same schema), pinned to the CRD of one Istio release (PINNED_CRD): a test
// validates generated specs with that release's published validator and fails when the two
// disagree. It records what the API server checks before Istio's webhook runs: field names,
// types, numeric ranges, enums, and the few extra constraints the CRD declares as CEL rules.
// Each constraint names the rule that reports its problem, so that exactly one rule does.
// Plain data, so that rules and tests can walk it.
import { UINT32_MAX } from '../syntax/port';

/** The Istio release whose Sidecar CRD this model follows, and where the test gets that CRD from. */
export const PINNED_CRD = {
  istioRelease: '1.29.2',
  package: '@kubernetes-models/istio',
  packageVersion: '3.0.1',
  /** How docs name it. */
  description: 'Istio 1.29.2, via @kubernetes-models/istio 3.0.1',
} as const;

/** The ways a value can break the schema; each names one constraint of one node. */
export type SchemaProblemKind =
  /** A field the schema does not define (the API server prunes it, or rejects it under strict validation). */
  | 'unknown-field'
  /** A value of the wrong JSON type. */
  | 'wrong-type'
  /** A number that is not whole where the schema wants an integer. */
  | 'not-integer'
  /** A whole number outside the field's range. */
  | 'out-of-range'
  /** A string that is not one of the field's enum values. */
  | 'not-in-enum'
  /** A null item of a list (the API server prunes null fields, but not null items). */
  | 'null-item'
  /** A required field that is missing (or null). */
  | 'missing-required'
  /** A string longer than the field's maximum, counted in characters (code points), as the API server counts. */
  | 'too-long'
  /** A string holding a substring the CRD's CEL rules forbid. */
  | 'forbidden-substring'
  /** A list with fewer or more items than the field allows. */
  | 'item-count'
  /** A map with more entries than the field allows. */
  | 'property-count'
  /** Two fields of which the CRD's CEL rules allow only one. */
  | 'exclusive'
  /** A string that is not a duration. */
  | 'invalid-duration'
  /** A duration below the minimum the CRD's CEL rules set. */
  | 'below-minimum';

/**
 * Which rule reports which problem of a node, by kind. A kind not named here goes to the rule
 * DEFAULT_OWNERS names; every other constraint a node declares must name its owner.
 */
export type SchemaOwners = { readonly [kind in SchemaProblemKind]?: string };

/** The rules that report what no more specific rule owns. */
export const DEFAULT_OWNERS: SchemaOwners = {
  'unknown-field': 'S-CRD-UNKNOWN-FIELDS',
  'wrong-type': 'S-CRD-TYPES',
  'not-integer': 'S-CRD-TYPES',
  'out-of-range': 'S-CRD-TYPES',
  'not-in-enum': 'S-CRD-TYPES',
  'null-item': 'S-CRD-TYPES',
};

interface Owned {
  readonly owners?: SchemaOwners;
  /**
   * A field of Istio's later Sidecar CRDs that the pinned release's CRD lacks (its API server
   * prunes it). Kept because the constructs emit it for newer meshes; the pin test leaves it out.
   */
  readonly newerThanPinnedRelease?: boolean;
}

/** An object with a fixed set of fields; any other field is unknown to the CRD. */
export interface ObjectSchema extends Owned {
  readonly type: 'object';
  readonly fields: { readonly [name: string]: SchemaNode };
  /** Fields the CRD requires. */
  readonly required?: readonly string[];
  /** Groups of fields of which at most one may be set (CRD CEL rules: `has()`, so empty values count). */
  readonly mutuallyExclusive?: ReadonlyArray<readonly string[]>;
}

/** A list whose items all follow `items`; `owners['null-item']` owns a null item. */
export interface ArraySchema extends Owned {
  readonly type: 'array';
  readonly items: SchemaNode;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface StringSchema extends Owned {
  readonly type: 'string';
  readonly maxLength?: number;
  /** A substring the CRD's CEL rules forbid, e.g. "*" in selector label values. */
  readonly forbiddenSubstring?: string;
}

/** A JSON number that must be whole and within [minimum, maximum]. */
export interface IntegerSchema extends Owned {
  readonly type: 'integer';
  readonly minimum: number;
  readonly maximum: number;
}

export interface BooleanSchema extends Owned {
  readonly type: 'boolean';
  /** The CRD keeps an explicit null instead of pruning it. */
  readonly nullable?: boolean;
}

/** An object with free-form keys and string values (labels). */
export interface StringMapSchema extends Owned {
  readonly type: 'stringMap';
  readonly values: StringSchema;
  readonly maxProperties?: number;
}

/** A string holding a duration such as "1.5s" (a protobuf Duration). */
export interface DurationSchema extends Owned {
  readonly type: 'duration';
  /** The smallest duration the CRD's CEL rules accept, e.g. "1ms". */
  readonly minimum?: string;
}

/** A string that must be one of `values`. */
export interface EnumSchema extends Owned {
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
// Pool durations: S-CP-DURATION also checks what only the webhook rejects (sub-millisecond precision).
const DURATION_OWNERS: SchemaOwners = { 'invalid-duration': 'S-CP-DURATION', 'below-minimum': 'S-CP-DURATION' };
const DURATION_AT_LEAST_1MS: DurationSchema = { type: 'duration', minimum: '1ms', owners: DURATION_OWNERS };

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
  fields: {
    name: STRING,
    // A number of another JSON type is S-CRD-TYPES's: its message explains quoting.
    number: { ...UINT32, owners: { 'not-integer': 'S-PORT-NUMBER-CRD', 'out-of-range': 'S-PORT-NUMBER-CRD' } },
    protocol: STRING,
    targetPort: UINT32,
  },
};

export const CONNECTION_POOL_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    http: {
      type: 'object',
      fields: {
        h2UpgradePolicy: { type: 'enum', values: H2_UPGRADE_POLICIES },
        http1MaxPendingRequests: INT32,
        http2KeepAlive: {
          type: 'object', fields: { interval: DURATION_AT_LEAST_1MS, timeout: DURATION_AT_LEAST_1MS }, newerThanPinnedRelease: true,
        },
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
        idleTimeout: { type: 'duration', owners: { 'invalid-duration': 'S-CP-DURATION' } },
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
    credentialNames: { type: 'array', items: STRING, minItems: 1, maxItems: 2, owners: { 'item-count': 'S-IN-TLS-CEL' } },
    ecdhCurves: { ...STRING_LIST, newerThanPinnedRelease: true },
    httpsRedirect: BOOLEAN,
    insecureSkipVerify: { type: 'boolean', nullable: true, newerThanPinnedRelease: true },
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
      owners: { 'item-count': 'S-IN-TLS-CEL' },
    },
    verifyCertificateHash: STRING_LIST,
    verifyCertificateSpki: STRING_LIST,
  },
  // The CRD declares three CEL rules, but its third repeats the first (an upstream slip), so
  // only two pairs are actually exclusive.
  mutuallyExclusive: [['credentialNames', 'tlsCertificates'], ['credentialName', 'credentialNames']],
  owners: { exclusive: 'S-IN-TLS-CEL' },
};

export const INGRESS_LISTENER_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    bind: STRING,
    captureMode: { type: 'enum', values: CAPTURE_MODES, owners: { 'not-in-enum': 'S-IN-CAPTURE-MODE' } },
    connectionPool: CONNECTION_POOL_SCHEMA,
    defaultEndpoint: STRING,
    port: SIDECAR_PORT_SCHEMA,
    tls: SERVER_TLS_SCHEMA,
  },
  required: ['port'],
  owners: { 'missing-required': 'S-IN-PORT-REQUIRED' },
};

export const EGRESS_LISTENER_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    bind: STRING,
    captureMode: { type: 'enum', values: CAPTURE_MODES, owners: { 'not-in-enum': 'S-EG-CAPTURE-MODE' } },
    hosts: STRING_LIST,
    port: SIDECAR_PORT_SCHEMA,
  },
  required: ['hosts'],
  owners: { 'missing-required': 'S-EG-HOSTS-REQUIRED' },
};

export const OUTBOUND_TRAFFIC_POLICY_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    egressProxy: {
      type: 'object',
      fields: { host: STRING, port: { type: 'object', fields: { number: UINT32 } }, subset: STRING },
      required: ['host'],
      owners: { 'missing-required': 'S-OTP-EGRESSPROXY-HOST' },
    },
    mode: { type: 'enum', values: OUTBOUND_TRAFFIC_POLICY_MODES, owners: { 'not-in-enum': 'S-OTP-MODE-ENUM' } },
  },
};

export const WORKLOAD_SELECTOR_LABELS_SCHEMA: StringMapSchema = {
  type: 'stringMap',
  values: {
    type: 'string',
    maxLength: 63,
    forbiddenSubstring: '*',
    // S-SEL-WILDCARD also reports "*" in keys, which only the webhook rejects.
    owners: { 'too-long': 'S-SEL-VALUE-LENGTH', 'forbidden-substring': 'S-SEL-WILDCARD' },
  },
  maxProperties: 256,
  owners: { 'property-count': 'S-SEL-MAX-LABELS' },
};

export const WORKLOAD_SELECTOR_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: { labels: WORKLOAD_SELECTOR_LABELS_SCHEMA },
};

/** The whole `spec` of a Sidecar. */
export const SIDECAR_SPEC_SCHEMA: ObjectSchema = {
  type: 'object',
  fields: {
    egress: { type: 'array', items: EGRESS_LISTENER_SCHEMA, owners: { 'null-item': 'S-EG-NULL' } },
    inboundConnectionPool: CONNECTION_POOL_SCHEMA,
    ingress: { type: 'array', items: INGRESS_LISTENER_SCHEMA, owners: { 'null-item': 'S-IN-NULL' } },
    outboundTrafficPolicy: OUTBOUND_TRAFFIC_POLICY_SCHEMA,
    workloadSelector: WORKLOAD_SELECTOR_SCHEMA,
  },
};

/** The paths of the fields newer than the pinned release, e.g. `spec.ingress[].tls.ecdhCurves`. */
export function fieldsNewerThanPinnedRelease(node: SchemaNode = SIDECAR_SPEC_SCHEMA, path = 'spec'): string[] {
  if (node.type === 'array') return fieldsNewerThanPinnedRelease(node.items, `${path}[]`);
  if (node.type !== 'object') return [];
  return Object.entries(node.fields).flatMap(([name, child]) => {
    const childPath = `${path}.${name}`;
    return child.newerThanPinnedRelease ? [childPath] : fieldsNewerThanPinnedRelease(child, childPath);
  });
}
