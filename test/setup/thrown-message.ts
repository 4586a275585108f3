// The message a call throws, for tests that judge an error's words: fails the test when the call
// does not throw at all.
export function thrownMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to throw');
}
