/** Colours and symbols for the terminal renderers; chalk is created with an explicit level so NO_COLOR and pipes are honoured. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Band } from '../model/report.js';
import { BAND_LABEL } from './labels.js';

export interface TerminalOptions {
  color: boolean;
  /** Columns available; the table is fitted to it. */
  width: number;
}

export function styler(options: TerminalOptions): ChalkInstance {
  return new Chalk({ level: options.color ? 1 : 0 });
}

export function paintBand(chalk: ChalkInstance, band: Band, text: string = BAND_LABEL[band]): string {
  switch (band) {
    case 'strong':
      return chalk.green(text);
    case 'developing':
      return chalk.yellow(text);
    case 'gap':
      return chalk.red(text);
    default:
      return chalk.dim(text);
  }
}
