// Apart from ./launch.ts so that cli.tsx can name it without loading child_process on every command.
export class PsqlError extends Error {
  constructor(
    message: string,
    readonly missing = false,
  ) {
    super(message);
  }
}
