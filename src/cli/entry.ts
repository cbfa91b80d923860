/** The bundle's entry point: run the CLI with the process arguments. */
import { main } from './main.js';

await main(process.argv);
