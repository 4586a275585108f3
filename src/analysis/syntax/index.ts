export * from './problem';
export * from './dns';
export * from './address';
export * from './egress-host';
export * from './port';
export * from './labels';
export * from './duration';
export * from './call';
