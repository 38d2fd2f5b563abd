/** The extraction worker's module as piscina loads it: the task runner as the default export (see extractBundle.ts). */
export { runExtractTask as default } from './extractTask.js';
