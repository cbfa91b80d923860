/** The bundle's entry point: run the CLI with the process arguments. */
import { main } from './main.js';
import { exitCodeFor } from './run.js';

main(process.argv).catch(async (error: unknown) => {
  process.exitCode = await exitCodeFor(error);
});
