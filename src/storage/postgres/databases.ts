/**
 * Creating and dropping whole databases through an admin connection (postgres://postgres@HOST:5432/postgres):
 * tests get a database of their own, and an operator can set one up for a shared crawl.
 */
import pg from 'pg';
import { PostgresIndexError } from './errors.js';

/** Plain lower-case identifiers only: the name is spliced into DDL (CREATE DATABASE takes no parameters). */
const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkName(name: string): string {
  if (!SAFE_NAME.test(name)) throw new PostgresIndexError(`not a plain database name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** The URL of database `name` on the server `adminUrl` points at (same user, host, port and options). */
export function postgresDatabaseUrl(adminUrl: string, name: string): string {
  checkName(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (err) {
    throw new PostgresIndexError(`cannot connect to ${new URL(adminUrl).host}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates database `name` (UTF-8); returns its URL. Fails when it exists. */
export async function createPostgresDatabase(adminUrl: string, name: string): Promise<string> {
  const quoted = checkName(name);
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${quoted} ENCODING 'UTF8' TEMPLATE template0`));
  return postgresDatabaseUrl(adminUrl, name);
}

/** Drops database `name` if it exists, closing whatever connections are still open on it. */
export async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  const quoted = checkName(name);
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`));
}
