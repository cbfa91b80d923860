/**
 * Writes a zod schema out as a plain TypeScript predicate: true exactly when the
 * schema accepts a value. The generated predicates answer "is this file valid?" at
 * start-up without loading zod; only when the answer is no does pes load zod, which
 * then explains every problem with its location. Tests check that the predicates and
 * the schemas agree, and that the committed ones are up to date (`npm run generate`).
 *
 * It knows the few schema kinds the file formats use and refuses anything else, so
 * a schema change it cannot express fails the generation instead of passing silently.
 */

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, unknown>;
  catchall?: unknown;
  element?: unknown;
  innerType?: unknown;
  options?: unknown[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: unknown;
  valueType?: unknown;
  format?: string;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  fn?: unknown;
}

/** Functions refinements may call, by the name the generated module imports them under. */
export interface KnownFunctions {
  module: string;
  functions: Map<unknown, string>;
}

export function generateValidator(schema: unknown, exportName: string, known: KnownFunctions, header: string): string {
  const names = new Map<unknown, string>();
  const bodies: string[] = [];
  const used = new Set<string>();

  // Schemas with the same rules share one function, whichever zod object they came from.
  const byBody = new Map<string, string>();
  const nameOf = (node: unknown): string => {
    const existing = names.get(node);
    if (existing) return existing;
    const body = predicate(node).map((line) => `  ${line}`).join('\n');
    let name = byBody.get(body);
    if (name === undefined) {
      name = `v${byBody.size}`;
      byBody.set(body, name);
      bodies.push(`function ${name}(x: any): boolean {\n${body}\n}`);
    }
    names.set(node, name);
    return name;
  };

  const predicate = (node: unknown): string[] => {
    const def = defOf(node);
    switch (def.type) {
      case 'string':
        return ["if (typeof x !== 'string') return false;", ...checks(def), 'return true;'];
      case 'number': {
        const integer = def.format === 'safeint' ? ' || !Number.isSafeInteger(x)' : '';
        return [`if (typeof x !== 'number' || !Number.isFinite(x)${integer}) return false;`, ...checks(def), 'return true;'];
      }
      case 'boolean':
        return ["return typeof x === 'boolean';"];
      case 'enum':
        return [`return ${JSON.stringify(Object.values(def.entries ?? {}))}.includes(x);`];
      case 'literal':
        return [`return ${JSON.stringify(def.values ?? [])}.includes(x);`];
      case 'optional':
        return [`return x === undefined || ${nameOf(def.innerType)}(x);`];
      case 'nullable':
        return [`return x === null || ${nameOf(def.innerType)}(x);`];
      case 'union':
        return [`return ${(def.options ?? []).map((option) => `${nameOf(option)}(x)`).join(' || ')};`];
      case 'array':
        return [
          'if (!Array.isArray(x)) return false;',
          ...checks(def),
          `for (const item of x) if (!${nameOf(def.element)}(item)) return false;`,
          'return true;',
        ];
      case 'record':
        if (defOf(def.keyType).type !== 'string' || (defOf(def.keyType).checks ?? []).length > 0) throw new Error('record keys other than plain strings');
        return [
          "if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;",
          `for (const key of Object.keys(x)) if (!${nameOf(def.valueType)}(x[key])) return false;`,
          'return true;',
        ];
      case 'object': {
        const shape = def.shape ?? {};
        const strict = def.catchall !== undefined && defOf(def.catchall).type === 'never';
        if (def.catchall !== undefined && !strict) throw new Error('object catchall other than never');
        const keys = Object.keys(shape);
        const lines = ["if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;"];
        for (const key of keys) lines.push(`if (!${nameOf(shape[key])}(x[${JSON.stringify(key)}])) return false;`);
        if (strict) lines.push(`for (const key of Object.keys(x)) if (!${JSON.stringify(keys)}.includes(key)) return false;`);
        lines.push('return true;');
        return lines;
      }
      default:
        throw new Error(`cannot generate a validator for a "${def.type}" schema`);
    }
  };

  const checks = (def: Def): string[] =>
    (def.checks ?? []).flatMap(({ _zod: { def: check } }) => {
      switch (check.check) {
        case 'describe':
          return [];
        case 'min_length':
          return [`if (x.length < ${check.minimum}) return false;`];
        case 'max_length':
          return [`if (x.length > ${check.maximum}) return false;`];
        case 'length_equals':
          return [`if (x.length !== ${check.length}) return false;`];
        case 'greater_than':
          return [`if (!(x ${check.inclusive ? '>=' : '>'} ${check.value})) return false;`];
        case 'less_than':
          return [`if (!(x ${check.inclusive ? '<=' : '<'} ${check.value})) return false;`];
        case 'string_format':
          if (check.format !== 'regex' || !(check.pattern instanceof RegExp)) throw new Error(`string format ${check.format}`);
          return [`if (!${String(check.pattern)}.test(x)) return false;`];
        case 'custom': {
          const name = known.functions.get(check.fn);
          if (name === undefined) throw new Error('a refinement whose function is not listed as known');
          used.add(name);
          return [`if (!${name}(x)) return false;`];
        }
        default:
          throw new Error(`cannot generate a "${check.check}" check`);
      }
    });

  const root = nameOf(schema);
  const imports = used.size > 0 ? `import { ${[...used].sort().join(', ')} } from '${known.module}';\n\n` : '';
  return `${header}\n/* eslint-disable */\n${imports}/** True exactly when the schema accepts \`input\`. */\nexport function ${exportName}(input: unknown): boolean {\n  return ${root}(input);\n}\n\n${bodies.join('\n\n')}\n`;
}

function defOf(schema: unknown): Def {
  const def = (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  if (!def) throw new Error('not a zod schema');
  return def;
}
