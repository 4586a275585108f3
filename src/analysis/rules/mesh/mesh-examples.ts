// Moved to ../support/mesh-examples.ts; kept so that test/analysis/mesh-analysis.test.ts (not
// ours to edit) still resolves. Delete once that import points at support/.
export * from '../support/mesh-examples';
