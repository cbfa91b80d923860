/**
 * Markdown for a pull-request comment: what a reviewer needs on one screen (the score, a
 * status mark per principle, the top actions), and everything else inside collapsed
 * <details> blocks, so the comment stays short. For the coordinator every finding names its
 * lines, linked to the file at the commit when the repository is known; partners read plain
 * words, with no YAML field names, no line numbers and no priority figures. Every piece of
 * user-written text goes through escapeMarkdown; the <summary> lines hold only counts.
 */
import type { Audience } from '../model/formats.js';
import type { CheckResult, Report } from '../model/report.js';
import { withCodeSpans } from '../text/code-spans.js';
import { escapeMarkdown as md, markdownCodeSpan } from '../text/markdown-text.js';
import { deltaText, practiceChange, principleChange } from './changes.js';
import {
  BAND_LABEL,
  BAND_MARK,
  coverageText,
  findingStatus,
  openChecks,
  scoreText,
  signalText,
  spreadText,
  STATUS_MARK,
  reportCautions,
  surveyCell,
  weightPercent,
} from './labels.js';
import type { RenderOptions } from './options.js';
import { plainField } from './plain-words.js';
import { lineUrl, type SourceLinks } from './source-links.js';

type MarkdownOptions = Pick<RenderOptions, 'audience' | 'sourceLinks'>;

// Code spans appear in prose and lists only, never in a table cell, where a pipe would end the cell.
const codeSpan = markdownCodeSpan;

/**
 * Rubric prose and check messages: escaped; their `key` spans kept as code for the coordinator, said in words
 * for partners. A check's message may also name a field bare ("missing leaving_process"): with `messages`, partners
 * get those in words too. Only messages get this, never the narrative or a name on its own, so names stay as written.
 */
function proseFor(audience: Audience, messages = false): (text: string, position?: 'inline' | 'line-start') => string {
  return (text, position = 'inline') => {
    let start = position === 'line-start';
    const plain = (piece: string) => {
      const words = audience === 'partners' && messages ? piece.replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, (identifier) => plainField(identifier)) : piece;
      const escaped = md(words, start ? 'line-start' : 'inline');
      start = false;
      return escaped;
    };
    // "Write `[]`" is how the file says "none"; a partner reads it as an empty list.
    return withCodeSpans(text, plain, audience === 'coordinator' ? codeSpan : (literal) => md(literal.trim() === '[]' ? 'an empty list' : plainField(literal)));
  };
}

/**
 * Line references for the coordinator: "line 12", each number a link to the line at the commit when the
 * repository is known. The links are reference-style ([12][L12]) with one definition per line at the end,
 * so a line several findings share costs its address once.
 */
class LineRefs {
  private readonly used = new Set<number>();
  constructor(private readonly links: SourceLinks | undefined) {}

  line(number: number): string {
    if (!this.links) return String(number);
    this.used.add(number);
    return `[${number}][L${number}]`;
  }

  /** "(line 12; also 40)". */
  of(check: Pick<CheckResult, 'location' | 'related'>): string {
    const also = [...new Set(check.related.map((location) => location.line))].filter((number) => number !== check.location.line);
    return `(line ${this.line(check.location.line)}${also.length > 0 ? `; also ${also.map((number) => this.line(number)).join(', ')}` : ''})`;
  }

  definitions(): string[] {
    const links = this.links;
    if (!links || this.used.size === 0) return [];
    return [...[...this.used].sort((a, b) => a - b).map((number) => `[L${number}]: ${lineUrl(links, number)}`), ''];
  }
}

export function renderMarkdown(report: Report, options: MarkdownOptions = { audience: 'coordinator' }): string {
  const coordinator = options.audience === 'coordinator';
  const links = coordinator ? options.sourceLinks : undefined;
  const refs = new LineRefs(links);
  const prose = proseFor(options.audience);
  const message = proseFor(options.audience, true);
  const lines: string[] = [];
  const { overall } = report;
  const baseline = report.baseline;
  const survey = report.survey;

  lines.push(`# Partnership health: ${md(report.partnership.name)}`, '');
  lines.push(
    `${BAND_MARK[overall.band]} **${scoreText(overall.score)}/100, ${BAND_LABEL[overall.band]}**${overall.provisional ? ' (provisional)' : ''}` +
      ` · as of ${report.asOf} · ${coverageText(overall)}` +
      (survey && survey.respondents > 0 ? ` · ${survey.respondents} survey respondent${survey.respondents === 1 ? '' : 's'}` : '') +
      (baseline ? ` · ${deltaText(baseline.overall.delta)} since ${md(baseline.asOf)}` : ''),
    '',
  );
  for (const caution of reportCautions(report, options.audience)) lines.push(`**Note:** ${md(caution)}`, '');
  lines.push(`> ${prose(report.narrative, 'line-start')}`, '');

  lines.push(`| | Principle | Score | Band | Described |${baseline ? ' Change |' : ''}`);
  lines.push(`|---|---|---:|---|---:|${baseline ? '---:|' : ''}`);
  for (const principle of report.principles) {
    const change = baseline ? ` ${deltaText(principleChange(report, principle.id))} |` : '';
    const band = `${BAND_LABEL[principle.band]}${principle.provisional ? ' (provisional)' : ''}`;
    lines.push(`| ${BAND_MARK[principle.band]} | ${principle.number}. ${md(principle.title)} | ${scoreText(principle.score)} | ${band} | ${principle.described} of ${principle.total} |${change}`);
  }
  lines.push('');

  if (report.recommendations.length > 0) {
    lines.push('## Top actions', '');
    for (const recommendation of report.recommendations) {
      const practice = report.practices.find((p) => p.number === recommendation.practice)!;
      const priority = coordinator ? `, priority ${recommendation.priority}` : '';
      lines.push(`${recommendation.rank}. ${BAND_MARK[practice.band]} **#${practice.number} ${md(practice.title)}** (${BAND_LABEL[practice.band]}, ${scoreText(practice.score)}/100${priority})  `);
      const where = coordinator ? ` ${refs.of({ location: practice.location, related: [] })}` : '';
      lines.push(`   Finding: ${message(practice.finding)}${where}`, '');
      for (const step of recommendation.advice) lines.push(`   - ${prose(step)}`);
      lines.push('');
    }
  }

  lines.push(...practicesBlock(report, options.audience, refs, message));
  if (survey && (report.disagreements.length > 0 || report.discussion.length > 0 || survey.comments?.length)) lines.push(...surveyBlock(report));

  lines.push(...refs.definitions());
  lines.push('---', '');
  lines.push(
    `<sub>${md(report.tool.name)} ${md(report.tool.version)} · rubric ${md(report.rubric.id)} ${md(report.rubric.version)} · ${md(report.inputs.partnership.file)}` +
      `${links ? ` at ${md(links.commit.slice(0, 12))}` : ''} · inputs ${report.inputs.digest.slice(0, 12)}` +
      `${survey ? ` · groups under ${survey.minGroupSize} respondents not shown apart` : ''}</sub>`,
    '',
  );
  return lines.join('\n');
}

/** Every practice in one table, then every open finding, what is not described, placeholders and choices not to pursue: collapsed. */
function practicesBlock(report: Report, audience: Audience, refs: LineRefs, message: ReturnType<typeof proseFor>): string[] {
  const coordinator = audience === 'coordinator';
  const survey = report.survey !== null;
  const baseline = report.baseline;
  const counts = (['strong', 'developing', 'gap', 'not_described', 'not_applicable'] as const)
    .map((band) => [band, report.practices.filter((practice) => practice.band === band).length] as const)
    .filter(([, count]) => count > 0)
    .map(([band, count]) => `${BAND_MARK[band]} ${count} ${BAND_LABEL[band]}`);
  const lines = ['<details>', `<summary><b>All ${report.practices.length} practices</b>: ${counts.join(' · ')}</summary>`, ''];
  lines.push(`| # | Practice | Score | Band | Evidence |${survey ? ' Survey | Signal |' : ''}${baseline ? ' Change |' : ''} Open |`);
  lines.push(`|---:|---|---:|---|---:|${survey ? '---:|---|' : ''}${baseline ? '---:|' : ''}---:|`);
  for (const practice of report.practices) {
    const surveyCells = survey ? ` ${surveyCell(practice.perception)} | ${signalText(practice)} |` : '';
    const change = baseline ? ` ${deltaText(practiceChange(report, practice.number))} |` : '';
    const open = openChecks(practice).length;
    const evidence = practice.notApplicable ? '-' : weightPercent(practice.coverage);
    lines.push(
      `| ${practice.number} | ${md(practice.short)} | ${scoreText(practice.score)} | ${BAND_MARK[practice.band]} ${BAND_LABEL[practice.band]} | ${evidence} |${surveyCells}${change} ${open === 0 ? '-' : open} |`,
    );
  }
  lines.push('', "Evidence: the share of the practice's check weight the file describes; what it does not describe counts as 0.", '');

  const withFindings = report.practices.filter((practice) => openChecks(practice).length > 0);
  if (withFindings.length > 0) {
    lines.push(`### Open findings`, '');
    if (coordinator) lines.push(`Every check not met or partly met, critical ones first, with its line in ${md(report.inputs.partnership.file)}.`, '');
    for (const practice of withFindings) {
      lines.push(`**#${practice.number} ${md(practice.title)}** (${BAND_LABEL[practice.band]}, ${scoreText(practice.score)}/100)`, '');
      for (const check of openChecks(practice)) {
        lines.push(`- ${STATUS_MARK[check.status]} ${findingStatus(check)}: ${message(check.message)}${coordinator ? ` ${refs.of(check)}` : ''}`);
      }
      lines.push('');
    }
  }
  if (report.notDescribed.length > 0) {
    lines.push('### Not described in the file', '', 'No evidence, no points: each counts as 0 until it is added.', '');
    for (const entry of report.notDescribed) lines.push(`- **#${entry.practice} ${md(entry.title)}**: add ${message(entry.add.join('; '))}`);
    lines.push('');
  }
  if (coordinator && report.placeholders.length > 0) {
    lines.push('### Placeholders', '', 'Fill these in: until then they count as not described.', '');
    for (const placeholder of report.placeholders) {
      lines.push(`- line ${refs.line(placeholder.line)}: ${md(placeholder.path.join('.'))}: ${md(JSON.stringify(placeholder.value))}`);
    }
    lines.push('');
  }
  const suppressed = report.practices.filter((practice) => practice.notApplicable !== null);
  if (suppressed.length > 0) {
    lines.push('### Deliberately not pursued', '', 'Left out of every score and its coverage:', '');
    for (const practice of suppressed) lines.push(`- **#${practice.number} ${md(practice.title)}**: ${md(practice.notApplicable!.reason)}`);
    lines.push('');
  }
  lines.push('</details>', '');
  return lines;
}

/** Where people disagree, the questions for the room and the comments: collapsed. */
function surveyBlock(report: Report): string[] {
  const survey = report.survey!;
  const lines = ['<details>', `<summary><b>Survey</b>: ${survey.respondents} respondents, ${report.disagreements.length} disputed practice${report.disagreements.length === 1 ? '' : 's'}</summary>`, ''];
  if (report.disagreements.length > 0) {
    lines.push('### Where people disagree', '');
    for (const entry of report.disagreements) lines.push(`- **#${entry.practice} ${md(entry.title)}**: ${md(spreadText(entry, 'standard deviation'))}`);
    lines.push('');
  }
  if (report.discussion.length > 0) {
    lines.push('### Discussion guide', '');
    report.discussion.forEach((item, index) => {
      lines.push(`${index + 1}. **#${item.practice} ${md(item.title)}**: ${md(item.detail)}  `);
      lines.push(`   Ask the room: *${md(item.question)}*`);
    });
    lines.push('');
  }
  if (survey.comments?.length) {
    lines.push('### What people wrote', '', 'Comments from the survey, by principle, in alphabetical order and without names.', '');
    for (const entry of survey.comments) {
      lines.push(`**${md(entry.title)}**`, '');
      for (const text of entry.texts) lines.push(`- ${md(text)}`);
      lines.push('');
    }
  }
  lines.push('</details>', '');
  return lines;
}
