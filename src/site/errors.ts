/**
 * The site's typed errors, in a module of their own so the CLI can recognise them without loading the
 * whole site (and its views) for commands that never serve.
 */
import { StoreError } from '../util/errors.js';

/** The store can't be served: missing, or nothing archived in it yet. */
export class SiteStoreError extends StoreError {}
