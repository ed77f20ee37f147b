// A worker thread does not inherit the tsx loader of the thread that started it: register it here, then run the
// TypeScript lane (lanes.ts).
import { register } from 'tsx/esm/api';

register();
await import('./lane-worker.ts');
