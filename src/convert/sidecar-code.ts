// Internal: the ways to write one Sidecar, most specific first. A pattern is a candidate only
// when its props can say what the input says (its defaults are left out when the input has
// them, and it is never given what it would change); the scratch-app check in object-code.ts
// then decides, so a pattern that would render anything else is never chosen.
import { Expr, Unsupported, arr, at, enumMember, lit, obj } from './code';
import { Candidate, MetadataParts, apiVersionCode, metadataCode, withSuppressionChoices } from './object-code';
import {
  Json, arrayOf, bindCode, canonical, captureModeCode, endpointCode, hostCode, objectOf, policyCode, poolCode, portCode, selectorCode,
  stringListCode, stringMapCode, stringOf, tlsCode,
} from './value-code';

/** One listener of the input: its JSON, and each field as code. */
interface Listener {
  readonly json: Json;
  readonly path: string;
  readonly fields: ReadonlyArray<readonly [string, Expr]>;
}

/** The parts of a Sidecar spec as code. */
interface SpecParts {
  readonly selector?: Expr;
  readonly ingress?: readonly Listener[];
  readonly egress?: readonly Listener[];
  readonly policy?: Expr;
  readonly pool?: Expr;
}

const INGRESS_FIELDS = ['port', 'bind', 'captureMode', 'defaultEndpoint', 'tls', 'connectionPool'];
const EGRESS_FIELDS = ['port', 'bind', 'captureMode', 'hosts'];

function ingressListener(value: unknown, path: string): Listener {
  const json = objectOf(value, path, INGRESS_FIELDS);
  if (json.port === undefined) throw new Unsupported(`${path}.port`, 'every ingress listener needs a port');
  const build: { [key: string]: (v: unknown, p: string) => Expr } = {
    port: portCode, bind: bindCode, captureMode: captureModeCode, defaultEndpoint: endpointCode, tls: tlsCode, connectionPool: poolCode,
  };
  return { json, path, fields: INGRESS_FIELDS.filter((k) => json[k] !== undefined).map((k) => [k, build[k](json[k], `${path}.${k}`)] as const) };
}

function egressListener(value: unknown, path: string): Listener {
  const json = objectOf(value, path, EGRESS_FIELDS);
  if (json.hosts === undefined) throw new Unsupported(`${path}.hosts`, 'every egress listener needs hosts');
  const hosts = (v: unknown, p: string): Expr => at(p, arr(arrayOf(v, p).map((h, i) => hostCode(h, `${p}[${i}]`))));
  const build: { [key: string]: (v: unknown, p: string) => Expr } = { port: portCode, bind: bindCode, captureMode: captureModeCode, hosts };
  return { json, path, fields: EGRESS_FIELDS.filter((k) => json[k] !== undefined).map((k) => [k, build[k](json[k], `${path}.${k}`)] as const) };
}

function listenersOf(value: unknown, path: string, each: (v: unknown, p: string) => Listener): Listener[] | undefined {
  return value === undefined ? undefined : arrayOf(value, path).map((v, i) => each(v, `${path}[${i}]`));
}

/** The spec as code, or Unsupported for what the typed model cannot express. */
function specParts(spec: unknown): SpecParts {
  if (spec === undefined) return {};
  const json = objectOf(spec, 'spec', ['workloadSelector', 'ingress', 'egress', 'outboundTrafficPolicy', 'inboundConnectionPool']);
  return {
    selector: json.workloadSelector === undefined ? undefined : selectorCode(json.workloadSelector, 'spec.workloadSelector'),
    ingress: listenersOf(json.ingress, 'spec.ingress', ingressListener),
    egress: listenersOf(json.egress, 'spec.egress', egressListener),
    policy: json.outboundTrafficPolicy === undefined ? undefined : policyCode(json.outboundTrafficPolicy, 'spec.outboundTrafficPolicy'),
    pool: json.inboundConnectionPool === undefined ? undefined : poolCode(json.inboundConnectionPool, 'spec.inboundConnectionPool'),
  };
}

/** A listener as an options literal, without the fields in `omit`. */
function listenerCode(listener: Listener, omit: readonly string[] = []): Expr {
  return at(listener.path, obj(listener.fields.filter(([k]) => !omit.includes(k))));
}

function listenersCode(
  listeners: readonly Listener[] | undefined, path: string, omit: (l: Listener) => readonly string[] = () => [],
): Expr | undefined {
  return listeners === undefined ? undefined : at(path, arr(listeners.map((l) => listenerCode(l, omit(l)))));
}

const DEFAULT_EGRESS = [{ hosts: ['./*', 'istio-system/*'] }];

/** The `egress` prop of a pattern whose default is `./*` and `istio-system/*`. */
function patternEgress(parts: SpecParts): Expr | undefined {
  if (parts.egress === undefined) return at('spec.egress', arr([]));
  if (JSON.stringify(canonical(parts.egress.map((l) => l.json))) === JSON.stringify(canonical(DEFAULT_EGRESS))) return undefined;
  return listenersCode(parts.egress, 'spec.egress');
}

type PatternProps = ReadonlyArray<readonly [string, Expr | undefined]>;

function props(metadata: Expr | undefined, apiVersion: Expr | undefined, rest: PatternProps): Expr {
  return obj([['metadata', metadata], ['apiVersion', apiVersion], ...rest]);
}

/** Each way to write the Sidecar, most specific first; the last is the generic `Sidecar`. */
export function sidecarCandidates(manifest: Json, meta: MetadataParts, rootNamespace: string): Candidate[] {
  const parts = specParts(manifest.spec);
  const apiVersion = apiVersionCode(manifest);
  const base: PatternProps = [['outboundTrafficPolicy', parts.policy], ['inboundConnectionPool', parts.pool]];
  const ingress = listenersCode(parts.ingress, 'spec.ingress');
  const candidates: Candidate[] = [];
  const add = (className: string, build: (asCalls: boolean) => Expr | undefined): void => {
    candidates.push(...withSuppressionChoices(meta, (asCalls) => {
      const p = build(asCalls);
      return p === undefined ? undefined : { className, props: p, suppressions: [] };
    }));
  };
  const metadata = (asCalls: boolean, fixed: { name?: boolean; namespace?: boolean } = {}) =>
    metadataCode(meta, { name: fixed.name ?? true, namespace: fixed.namespace ?? true, asCalls });
  const ingressList = parts.ingress ?? [];
  const egressList = parts.egress ?? [];

  if (parts.selector === undefined) {
    if (meta.namespace === rootNamespace && meta.name === 'default') {
      add('MeshDefaultSidecar', (asCalls) => props(metadata(asCalls, { name: false, namespace: false }), apiVersion, [
        ['ingress', ingress], ['egress', patternEgress(parts)], ...base,
      ]));
    } else if (meta.namespace !== undefined && meta.namespace !== rootNamespace) {
      add('NamespaceDefaultSidecar', (asCalls) => props(metadata(asCalls, { name: meta.name !== 'default' }), apiVersion, [
        ['ingress', ingress], ['egress', patternEgress(parts)], ...base,
      ]));
    }
  } else {
    const selector: PatternProps = [['workloadSelector', parts.selector]];
    const uncaptured = (l: Listener) => l.json.captureMode === 'NONE';
    if (ingressList.length + egressList.length > 0 && ingressList.every((l) => uncaptured(l) && l.json.defaultEndpoint !== undefined)
      && egressList.every((l) => uncaptured(l) && l.json.port !== undefined && l.json.bind !== undefined)) {
      add('NoIptablesSidecar', (asCalls) => props(metadata(asCalls), apiVersion, [
        ...selector,
        ['ingress', listenersCode(parts.ingress, 'spec.ingress', () => ['captureMode'])],
        ['egress', listenersCode(parts.egress, 'spec.egress', () => ['captureMode'])],
        ...base,
      ]));
    }
    const isUnixPort = (l: Listener) => l.json.port !== undefined && (l.json.port as Json).number === undefined;
    if (ingressList.length > 0 && ingressList.every((l) => uncaptured(l) && l.json.bind !== undefined && l.json.defaultEndpoint !== undefined)
      && egressList.every((l) => isUnixPort(l) || l.json.captureMode !== undefined)) {
      const allCaptured = egressList.length === 1 && JSON.stringify(canonical(egressList[0].json)) === JSON.stringify({ captureMode: 'IPTABLES', hosts: ['*/*'] });
      add('PartialIptablesSidecar', (asCalls) => props(metadata(asCalls), apiVersion, [
        ...selector,
        ['ingress', listenersCode(parts.ingress, 'spec.ingress', () => ['captureMode'])],
        ['egress', parts.egress === undefined ? at('spec.egress', arr([])) : allCaptured ? undefined
          : listenersCode(parts.egress, 'spec.egress', (l) => (!isUnixPort(l) && l.json.captureMode === 'IPTABLES' ? ['captureMode'] : []))],
        ...base,
      ]));
    }
    add('WorkloadSidecar', (asCalls) => props(metadata(asCalls), apiVersion, [
      ...selector, ['ingress', ingress], ['egress', patternEgress(parts)], ...base,
    ]));
  }
  add('Sidecar', (asCalls) => props(metadata(asCalls), apiVersion, [
    ['workloadSelector', parts.selector], ['ingress', ingress], ['egress', listenersCode(parts.egress, 'spec.egress')], ...base,
  ]));
  return candidates;
}

/** The ways to write a ServiceEntry: the typed construct. */
export function serviceEntryCandidates(manifest: Json, meta: MetadataParts): Candidate[] {
  const apiVersion = apiVersionCode(manifest);
  const spec = objectOf(manifest.spec ?? {}, 'spec',
    ['hosts', 'addresses', 'ports', 'location', 'resolution', 'endpoints', 'workloadSelector', 'exportTo', 'subjectAltNames']);
  const rest = serviceEntrySpec(spec);
  const candidates: Candidate[] = [];
  candidates.push(...withSuppressionChoices(meta, (asCalls) => ({
    className: 'ServiceEntry',
    props: props(metadataCode(meta, { name: true, namespace: true, asCalls }), apiVersion, rest),
    suppressions: [],
  })));
  return candidates;
}

function serviceEntrySpec(spec: Json): PatternProps {
  const { enumCode, numberCode, stringCode, listCode, mapCode, numberMapCode } = fieldCoders();
  const port = (v: unknown, p: string): Expr => {
    const json = objectOf(v, p, ['number', 'protocol', 'name', 'targetPort']);
    return at(p, obj([
      ['number', numberCode(json.number, `${p}.number`)], ['name', stringCode(json.name, `${p}.name`)],
      ['protocol', json.protocol === undefined ? undefined : enumCode('SidecarProtocol', json.protocol, `${p}.protocol`)],
      ['targetPort', json.targetPort === undefined ? undefined : numberCode(json.targetPort, `${p}.targetPort`)],
    ]));
  };
  const endpoint = (v: unknown, p: string): Expr => {
    const json = objectOf(v, p, ['address', 'ports', 'labels', 'network', 'locality', 'weight', 'serviceAccount']);
    const str = (k: string) => (json[k] === undefined ? undefined : stringCode(json[k], `${p}.${k}`));
    return at(p, obj([
      ['address', str('address')], ['ports', json.ports === undefined ? undefined : numberMapCode(json.ports, `${p}.ports`)],
      ['labels', json.labels === undefined ? undefined : mapCode(json.labels, `${p}.labels`)], ['network', str('network')],
      ['locality', str('locality')], ['weight', json.weight === undefined ? undefined : numberCode(json.weight, `${p}.weight`)],
      ['serviceAccount', str('serviceAccount')],
    ]));
  };
  const list = (key: string, each: (v: unknown, p: string) => Expr): Expr | undefined =>
    (spec[key] === undefined ? undefined : at(`spec.${key}`, arr(arrayOf(spec[key], `spec.${key}`).map((v, i) => each(v, `spec.${key}[${i}]`)))));
  if (spec.hosts === undefined) throw new Unsupported('spec.hosts', 'a ServiceEntry needs hosts');
  return [
    ['hosts', listCode(spec.hosts, 'spec.hosts')],
    ['addresses', spec.addresses === undefined ? undefined : listCode(spec.addresses, 'spec.addresses')],
    ['ports', list('ports', port)],
    ['location', spec.location === undefined ? undefined : enumCode('ServiceEntryLocation', spec.location, 'spec.location')],
    ['resolution', spec.resolution === undefined ? undefined : enumCode('ServiceEntryResolution', spec.resolution, 'spec.resolution')],
    ['endpoints', list('endpoints', endpoint)],
    ['workloadSelector', spec.workloadSelector === undefined ? undefined : selectorCode(spec.workloadSelector, 'spec.workloadSelector')],
    ['exportTo', spec.exportTo === undefined ? undefined : listCode(spec.exportTo, 'spec.exportTo')],
    ['subjectAltNames', spec.subjectAltNames === undefined ? undefined : listCode(spec.subjectAltNames, 'spec.subjectAltNames')],
  ];
}

function fieldCoders() {
  return {
    enumCode: (name: string, v: unknown, p: string) => at(p, enumMember(name, v, p)),
    numberCode: (v: unknown, p: string) => {
      if (typeof v !== 'number') throw new Unsupported(p, `expected a number, got ${JSON.stringify(v)}`);
      return at(p, lit(v));
    },
    stringCode: (v: unknown, p: string) => at(p, lit(stringOf(v, p))),
    listCode: stringListCode,
    mapCode: stringMapCode,
    numberMapCode: (v: unknown, p: string) => {
      const json = objectOf(v, p, Object.keys(v as object ?? {}));
      return at(p, obj(Object.entries(json).map(([k, n]) => {
        if (typeof n !== 'number') throw new Unsupported(`${p}.${k}`, `expected a number, got ${JSON.stringify(n)}`);
        return [k, lit(n)] as const;
      })));
    },
  };
}
