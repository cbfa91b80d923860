/** The bundle's entry point: run the CLI with the process arguments. */
import { main } from './main.js';

main(process.argv).catch(async (error: unknown) => {
  const { reportBug } = await import('./bug-report.js');
  process.stderr.write(reportBug(error));
  process.exitCode = 70;
});
