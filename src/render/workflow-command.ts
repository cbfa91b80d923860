/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`), which the runner
 * turns into annotations on the file's line. One escaping for every command pes writes:
 * report findings and validation problems alike.
 */
import { terminalSafe } from '../text/sanitize.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  /** Absent for an annotation on the run rather than a file; line absent for one on the whole file. */
  file?: string;
  line?: number;
  column?: number;
  title: string;
  message: string;
}

export function workflowCommand(annotation: Annotation): string {
  const properties = [
    ...(annotation.file !== undefined ? [`file=${property(annotation.file)}`] : []),
    ...(annotation.file !== undefined && annotation.line !== undefined ? [`line=${annotation.line}`] : []),
    ...(annotation.file !== undefined && annotation.line !== undefined && annotation.column !== undefined ? [`col=${annotation.column}`] : []),
    `title=${property(annotation.title)}`,
  ];
  return `::${annotation.level} ${properties.join(',')}::${data(annotation.message)}`;
}

/**
 * Escaping as the Actions runner expects for a command's message. Line breaks are
 * encoded (so a name cannot start a command of its own); other control characters,
 * which the log viewer would interpret, are shown as visible escapes.
 */
function data(text: string): string {
  return terminalSafe(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** ...and for its properties, where ':' and ',' are separators. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
