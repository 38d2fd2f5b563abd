import v8 from 'node:v8';
import vm from 'node:vm';

/** `global.gc`, as under `node --expose-gc` (the flag is turned on at run time when the runner did not pass it). */
export function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
