/**
 * Validation results as JUnit XML: a test suite per file; a valid file is one passing
 * test case, an invalid one has a failing test case per problem, named by its place.
 */
import type { ProblemList } from '../../model/problems.js';
import { junitDocument, junitSuite } from '../junit-xml.js';
import { escapeXml as x } from '../../text/xml-text.js';
import { validSummary } from './summary.js';

export function renderProblemsJunit(list: ProblemList): string {
  const classname = `${list.tool.name}.${list.command}`;
  const suites = list.files.map((checked) => {
    const problems = list.problems.filter((problem) => problem.file === checked.file);
    const cases = checked.valid
      ? [`    <testcase classname="${x(classname)}" name="${x(checked.file)}" file="${x(checked.file)}">\n      <system-out>${x(validSummary(checked))}</system-out>\n    </testcase>`]
      : problems.map((problem) => {
          const where = problem.line !== undefined ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
          const line = problem.line !== undefined ? ` line="${problem.line}"` : '';
          return `    <testcase classname="${x(classname)}" name="${x(where)}" file="${x(problem.file)}"${line}>\n      <failure message="${x(problem.message)}" type="invalid">${x(`${where} ${problem.message}`)}</failure>\n    </testcase>`;
        });
    const failures = checked.valid ? 0 : cases.length;
    return junitSuite(checked.file, { tests: cases.length, failures, skipped: 0 }, cases);
  });
  const tests = list.files.reduce((sum, checked) => sum + (checked.valid ? 1 : list.problems.filter((problem) => problem.file === checked.file).length), 0);
  return junitDocument(`pes ${list.command}: ${list.problems.length} problem${list.problems.length === 1 ? '' : 's'}`, { tests, failures: list.problems.length, skipped: 0 }, suites);
}
