export * from './finding';
export * from './snapshot';
export * from './engine';
export * from './manifest';
