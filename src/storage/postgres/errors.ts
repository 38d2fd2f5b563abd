/** Why the PostgreSQL index could not be reached, created or used as asked. */
export class PostgresIndexError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PostgresIndexError';
  }
}
