/** Input the CLI cannot read: a usage error, a missing file, invalid YAML. Exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
