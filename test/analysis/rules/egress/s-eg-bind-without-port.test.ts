import { describeRule } from '../../rule-cases';

describeRule('S-EG-BIND-WITHOUT-PORT', {
  good: [
    { name: 'a bind with a port', spec: { egress: [{ port: { number: 8080 }, bind: '127.0.0.1', hosts: ['*/*'] }] } },
    { name: 'a port-less listener without bind', spec: { egress: [{ hosts: ['*/*'] }] } },
    { name: 'an empty bind is no bind', spec: { egress: [{ bind: '', hosts: ['*/*'] }] } },
    { name: 'a unix-socket listener has a port', spec: { egress: [{ port: {}, bind: 'unix:///a.sock', hosts: ['*/*'] }] } },
  ],
  bad: [
    {
      name: 'a bind on a port-less listener, accepted by Istio -> error',
      spec: { egress: [{ bind: 'not-an-ip', hosts: ['*/*'] }] },
      path: 'spec.egress[0].bind',
      message: 'egress listener 0 sets bind "not-an-ip" but has no port, and Istio ignores bind on a port-less listener without checking it: add a port (a number for an IP bind, no number for a unix socket) or remove bind',
    },
    { name: 'even a valid IP -> error', spec: { egress: [{ bind: '127.0.0.1', hosts: ['*/*'] }] }, count: 1 },
    { name: 'port: null counts as no port -> error', spec: { egress: [{ port: null, bind: 'unix:///a.sock', hosts: ['*/*'] }] }, count: 1 },
  ],
});
