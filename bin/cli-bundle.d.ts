/** Types of cli-bundle.js (plain JavaScript, so the launcher needs no TypeScript loader). */
export function loadBundle(entry: string, name: string): Promise<string | null>;
export function loadCliBundle(): Promise<string | null>;
