import { editDistance, nearMiss } from '../../../src/analysis/schema/near-miss';

describe('editDistance', () => {
  test.each([
    ['hosts', 'hosts', 0],
    ['hostz', 'hosts', 1],
    ['tsl', 'tls', 1],
    ['egres', 'egress', 1],
    ['', 'abc', 3],
    ['port', 'bind', 4],
  ])('%s -> %s: %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('nearMiss', () => {
  const listener = ['bind', 'captureMode', 'hosts', 'port'];
  test.each([
    ['one letter off', 'hostz', listener, 'hosts'],
    ['a plural', 'ports', listener, 'port'],
    ['snake_case', 'capture_mode', listener, 'captureMode'],
    ['wrong letter case', 'CaptureMode', listener, 'captureMode'],
    ['two letters swapped', 'tsl', ['tls', 'port'], 'tls'],
    ['two edits in a long name', 'outboundTraficPolcy', ['outboundTrafficPolicy', 'egress'], 'outboundTrafficPolicy'],
  ])('suggests: %s', (_name, name, known, suggestion) => {
    expect(nearMiss(name, known)).toBe(suggestion);
  });

  test.each([
    ['nothing close', 'timeout', listener],
    ['a short name two edits away', 'tcp', ['tls']],
    ['no known fields', 'hosts', []],
  ])('no suggestion: %s', (_name, name, known) => {
    expect(nearMiss(name, known)).toBeUndefined();
  });
});
