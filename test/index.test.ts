import * as library from '../src';

// jsii publishes classes, enums and interfaces; anything else index.ts re-exports (a render
// helper, a constant) would be public API in TypeScript only, and invisible in every other
// language. Interfaces leave nothing at run time, so every run-time export must be one of these.
describe('the public barrel exports only what jsii publishes', () => {
  test.each(Object.entries(library))('%s is a class or an enum', (name, value) => {
    const isClass = typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
    const isEnum = typeof value === 'object' && value !== null && Object.values(value).every((member) => typeof member === 'string');
    expect({ name, publishable: isClass || isEnum }).toEqual({ name, publishable: true });
  });
});
