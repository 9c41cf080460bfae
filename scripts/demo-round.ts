/**
 * npm run demo:round: the demo round (seed:demo's nine evenings) played through the real HTTP API and
 * Socket.IO by simulated phones, in a platform started in this process. See demo-round-run.ts.
 */
import 'reflect-metadata';
import { loadConfigOrExit } from '@hs/config';
import { runDemoRound } from './demo-round-run';

loadConfigOrExit();
runDemoRound(process.env, { log: (line) => process.stdout.write(`${line}\n`) }).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`demo:round failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
