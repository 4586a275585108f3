import { OBJECT_PATH, POD_PATH, caller, reviews } from './helpers';
import { CALLS_ANNOTATION } from '../../../../src/analysis/syntax/call';
import { describeRule } from '../../rule-cases';

const invalid = (n: number, text: string, problem: string) => new RegExp(`^entry ${n} of ${CALLS_ANNOTATION.replace(/\./g, '\\.')}, "${text.replace(/[.*]/g, (c) => `\\${c}`)}", is invalid: ${problem}`);

describeRule('X-CALL-SYNTAX', {
  good: [
    { name: 'a short name, name.namespace, an FQDN and an external host, with and without ports', manifests: [caller('reviews:9080, reviews.bookinfo:9080,reviews.bookinfo.svc.cluster.local, api.example.com:443'), reviews] },
    { name: 'a trailing dot and upper case read as the host', manifests: [caller('API.Example.com.:443')] },
    { name: 'no annotation at all', manifests: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'prod' }, spec: {} }] },
  ],
  bad: [
    { name: 'an empty item between commas -> error naming the entry', manifests: [caller('reviews.bookinfo:9080,,api.example.com')], count: 1, path: POD_PATH, message: invalid(2, '', 'the entry is empty') },
    { name: 'a port outside 1-65535 -> error', manifests: [caller('api.example.com:70000')], path: POD_PATH, message: invalid(1, 'api.example.com:70000', 'the port "70000" is invalid: expected a whole number from 1 to 65535') },
    { name: 'port 0 -> error', manifests: [caller('api.example.com:0')], message: /the port "0" is invalid/ },
    { name: 'a port that is not a number -> error', manifests: [caller('api.example.com:https')], message: /the port "https" is invalid/ },
    { name: 'a host with a space -> error', manifests: [caller('api example.com:443')], message: /the host "api example\.com" is not a DNS name/ },
    { name: 'a wildcard host -> error: a call goes to one host', manifests: [caller('*.example.com:443')], message: /has a wildcard: a call goes to one host/ },
    { name: 'a trailing comma -> error, the other entries kept', manifests: [caller('reviews.bookinfo:9080,')], count: 1, message: invalid(2, '', 'the entry is empty') },
    { name: 'on the object\'s own metadata -> error at that path', manifests: [caller('x:99999', 'object')], path: OBJECT_PATH },
    { name: 'every bad entry its own finding', manifests: [caller(':80,a..b,c:-1')], count: 3, severity: undefined },
  ],
});
