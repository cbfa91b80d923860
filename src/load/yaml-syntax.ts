/**
 * js-yaml's syntax errors in plain words, placed where the mistake is. Its reason
 * says what the parser met ("bad indentation of a mapping entry"), which is often a
 * symptom: an unquoted `: ` inside a value, a quote or bracket never closed, a tab.
 * The usual mistakes are recognised from the text around the error and get a hint;
 * anything else keeps the parser's own words.
 */

export interface SyntaxProblem {
  offset: number;
  message: string;
}

const PREFIX = 'YAML syntax: ';
const QUOTE_HINT = 'put the value in quotes ("...")';

/** What the reader knows about the keys read so far, to name a key given twice. */
export interface KeyHistory {
  duplicateKey(offset: number): { name: string; firstLine: number } | undefined;
}

export function describeSyntaxError(reason: string, text: string, offset: number, keys?: KeyHistory): SyntaxProblem {
  const at = Math.min(Math.max(offset, 0), text.length);
  const problem = (message: string, where = at): SyntaxProblem => ({ offset: where, message: PREFIX + message });
  const char = text[at] ?? '';
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);

  if (reason.startsWith('tab characters must not be used in indentation')) {
    return problem('a tab in the indentation; YAML indents with spaces only, so replace the tab with spaces', firstTab(text, lineStart) ?? at);
  }
  if (reason.startsWith('bad indentation of a mapping entry') || reason.startsWith('bad indentation of a sequence entry')) {
    if (char === ':' && /\S:\s/.test(`${before} `) && !/^\s*[^\s:]+:\s*$/.test(before)) {
      return problem(`a second ": " in a value; a colon followed by a space starts a key, so ${QUOTE_HINT}`);
    }
    if (char === '@' || char === '`') return problem(`a value cannot start with "${char}"; ${QUOTE_HINT}`);
    if (/["']\s*$/.test(before) && /:\s+["']/.test(before)) return problem('text after the closing quote; put the whole value inside the quotes');
    return problem('this line is not indented like the entries around it; line it up with the keys or dashes it belongs with', firstNonSpace(text, lineStart));
  }
  if (reason.startsWith('missed comma between flow collection entries')) {
    // A bracket left open on an earlier line swallows the lines after it.
    const opener = lineStart > 0 ? unclosedOpener(text, text.lastIndexOf('\n', lineStart - 2) + 1) : undefined;
    if (opener && opener.char !== '"' && opener.char !== "'" && opener.offset < lineStart) {
      return problem(`the ${opener.char} opened here is never closed with ${opener.char === '[' ? ']' : '}'}`, opener.offset);
    }
    if (char === ':') return problem(`a ":" inside a value in [ ] or { }; a colon followed by a space there starts a key, so ${QUOTE_HINT}`);
    return problem(`expected a "," between two entries in [ ] or { }; if the text is one value, ${QUOTE_HINT}`);
  }
  if (reason.startsWith('deficient indentation') || reason.startsWith('unexpected end of the')) {
    const opener = unclosedOpener(text, lineStart);
    if (opener) {
      const what = opener.char === '"' || opener.char === "'" ? `the quote ${opener.char} opened here is never closed` : `the ${opener.char} opened here is never closed with ${opener.char === '[' ? ']' : '}'}`;
      return problem(what, opener.offset);
    }
    return problem('this line is indented less than the value it continues', firstNonSpace(text, lineStart));
  }
  if (reason.startsWith('end of the stream or a document separator is expected') || reason.startsWith('can not read a block mapping entry')) {
    return problem('this line does not fit the structure above it: a key needs ": " after it, and a list entry "- " before it, at the indentation of its neighbours', firstNonSpace(text, lineStart));
  }
  if (reason.startsWith('the stream contains non-printable characters') || reason.startsWith('null byte is not allowed')) {
    // js-yaml may stand at the end of the value that holds the character.
    const where = lastMatchBefore(text, NOT_PRINTABLE, at) ?? at;
    const code = text.codePointAt(where) ?? 0;
    return problem(`a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}) that YAML does not allow; remove it`, where);
  }
  if (reason.startsWith('expected valid JSON character')) {
    // js-yaml may stand at the end of the quoted text that holds the character.
    const where = lastMatchBefore(text, NOT_PRINTABLE, at + 1) ?? at;
    const hex = (text.codePointAt(where) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return problem(`a control character (U+${hex}) written as it is inside double quotes, which YAML does not allow; remove it, or write it as \\u${hex}`, where);
  }
  if (reason.startsWith('unknown escape sequence') || reason.startsWith('expected hexadecimal character')) {
    return problem('an unknown escape (\\) in double-quoted text; write \\\\ for a backslash, or use single quotes');
  }
  if (reason.startsWith('duplicated mapping key')) {
    const duplicate = keys?.duplicateKey(at);
    if (duplicate) return problem(`the key "${duplicate.name}" appears twice in the same mapping (first on line ${duplicate.firstLine}); keep one`);
    return problem('a key appears twice in the same mapping; keep one');
  }
  if (reason.startsWith('expected a single document')) {
    const marker = /^(?:---|\.\.\.)/gm;
    let second = 0;
    for (let match = marker.exec(text); match; match = marker.exec(text)) second = match.index;
    return problem('the file holds a second YAML document (after a `---` or `...` line); pes reads one document per file', second);
  }
  const alias = /^unidentified alias "(.*)"/.exec(reason);
  if (alias) return problem(`the alias *${alias[1]} names no anchor; define &${alias[1]} before it`, lastMatchBefore(text, /\*/g, at, lineStart) ?? at);
  if (reason.startsWith('unknown tag')) {
    // Named as written (`!!foo`), not as js-yaml expands it (`!<tag:yaml.org,2002:foo>`).
    const where = lastMatchBefore(text, /(?<=^|\s)!/g, at, lineStart) ?? at;
    const written = /^!\S*/.exec(text.slice(where, where + 200))?.[0] ?? 'here';
    return problem(`unknown tag ${written}; pes files need no tags, so remove it`, where);
  }
  if (reason.startsWith('cannot resolve a node with')) return problem('the value does not fit the tag (!!...) in front of it; remove the tag or fix the value');
  if (reason.startsWith('nested arrays are not supported inside keys')) return problem('a key must be a single value, not a list or a mapping');
  return problem(reason);
}

/**
 * The nearest quote or bracket opened on the error's line or one of the 50 before it
 * and not closed on its own line: where a value that swallowed the rest of the file began.
 */
function unclosedOpener(text: string, lineStart: number): { char: string; offset: number } | undefined {
  let start = lineStart;
  let end = lineEnd(text, lineStart);
  for (let lines = 0; lines <= 50; lines++) {
    const opener = openerOnLine(text, start, end);
    if (opener || start === 0) return opener;
    end = start - 1;
    start = text.lastIndexOf('\n', end - 1) + 1;
  }
  return undefined;
}

function openerOnLine(text: string, start: number, end: number): { char: string; offset: number } | undefined {
  const open: { char: string; offset: number }[] = [];
  let quote: { char: string; offset: number } | undefined;
  for (let i = start; i < end; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\' && quote.char === '"') i++;
      else if (char === quote.char) {
        if (char === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if (char === '#' && (i === start || /\s/.test(text[i - 1]!))) break;
    // A quote opens a value only at its start, after a space, a colon, a dash or a bracket.
    if ((char === '"' || char === "'") && (i === start || /[\s:,[{-]/.test(text[i - 1]!))) quote = { char, offset: i };
    else if (char === '[' || char === '{') open.push({ char, offset: i });
    else if ((char === ']' || char === '}') && open.length > 0) open.pop();
  }
  return quote ?? open.at(-1);
}

/** Characters YAML does not allow in a file, as js-yaml checks them. */
const NOT_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/g;

/** The offset of the last match of `pattern` (global) that starts at or before `at`, searching from `from`. */
function lastMatchBefore(text: string, pattern: RegExp, at: number, from = Math.max(0, at - 100_000)): number | undefined {
  let found: number | undefined;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match && match.index <= at; match = pattern.exec(text)) {
    found = match.index + match[0].length - 1;
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

function firstTab(text: string, lineStart: number): number | undefined {
  const end = lineEnd(text, lineStart);
  const tab = text.indexOf('\t', lineStart);
  return tab >= 0 && tab < end ? tab : undefined;
}

function firstNonSpace(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
