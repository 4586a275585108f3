import { CaptureMode } from '../src';

test('CaptureMode holds exactly the values the CRD accepts', () => {
  expect(Object.values(CaptureMode)).toEqual(['DEFAULT', 'IPTABLES', 'NONE']);
});
