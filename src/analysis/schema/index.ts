export * from './model';
export * from './walker';
export { nearMiss } from './near-miss';
