import Handlebars from 'handlebars';
import type { Wording } from '../campaign/types.ts';
import { missingMarker } from './markers.ts';

/**
 * A template that could not be compiled: the file, the line when known, and what is wrong in both
 * languages (the compilers' own texts, quoted inside, stay as they wrote them).
 */
export interface TemplateProblem {
  file: string;
  line?: number | undefined;
  message: Wording;
}

/** A compiled Handlebars template of the campaign and what the shape analysis needs to know about it. */
export interface CompiledTemplate {
  file: string;
  render(context: object): string;
  /** Names of values compared by `eq` or used as `lookup` keys; 'all' when the template compares `this`. */
  comparedNames: ReadonlySet<string> | 'all';
}

/** Set on a masked render context: missing values then leave a marker instead of nothing. */
export const MASKED_RENDER = Symbol('masked-render');

const VALUE_HELPER = '__value';
const PATH_HELPER = '__path';
const env = Handlebars.create();

env.registerHelper('eq', (a: unknown, b: unknown) => {
  if (a === b) return true;
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  return scalar(a) && scalar(b) && typeof a !== typeof b && String(a) === String(b);
});

// Every plain {{path}} is compiled as {{__value path "path"}} so that an absent or empty value is seen
// (Handlebars' strict mode throws on absent values only, and not at all inside helpers).
env.registerHelper(VALUE_HELPER, (value: unknown, path: string, options: Handlebars.HelperOptions) => {
  if (value === undefined || value === null || value === '') {
    const root = options.data?.root as Record<symbol, unknown> | undefined;
    return root?.[MASKED_RENDER] ? new env.SafeString(missingMarker(path)) : '';
  }
  return value;
});

// A dotted {{contact.PRENOM}} whose first name is absent would make Handlebars read a property of
// undefined (a TypeError, not a missing value): such paths are compiled as {{__path "contact.PRENOM"}}
// and read here, own properties only (no prototype access), from the current context.
env.registerHelper(PATH_HELPER, function (this: unknown, path: string, options: Handlebars.HelperOptions) {
  let value: unknown = this;
  for (const part of path.split('.')) {
    value = value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, part) ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (value === undefined || value === null || value === '') {
    const root = options.data?.root as Record<symbol, unknown> | undefined;
    return root?.[MASKED_RENDER] ? new env.SafeString(missingMarker(path)) : '';
  }
  return value;
});

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpers: { eq: true, [VALUE_HELPER]: true, [PATH_HELPER]: true },
  knownHelpersOnly: true,
} as const;

type Node = hbs.AST.Node & Record<string, unknown>;

class ValueInstrumenter extends Handlebars.Visitor {
  override MustacheStatement(mustache: hbs.AST.MustacheStatement): void {
    const path = mustache.path;
    if (path.type !== 'PathExpression' || mustache.params.length > 0 || mustache.hash) return;
    const expression = path as hbs.AST.PathExpression;
    if (expression.original === 'eq' || expression.original === VALUE_HELPER || expression.original === PATH_HELPER) return;
    const literal = { type: 'StringLiteral', value: expression.original, original: expression.original, loc: expression.loc };
    const isPlainDotted = expression.depth === 0 && !expression.data && expression.parts.length > 1 && !/^(?:this|\.)[./]/.test(expression.original);
    const helper = isPlainDotted ? PATH_HELPER : VALUE_HELPER;
    const pathLiteral = { ...literal, value: expression.parts.join('.') };
    mustache.params = isPlainDotted ? [pathLiteral as hbs.AST.StringLiteral] : [expression, literal as hbs.AST.StringLiteral];
    mustache.path = { type: 'PathExpression', data: false, depth: 0, parts: [helper], original: helper, loc: expression.loc } as hbs.AST.PathExpression;
  }
}

function comparedNamesOf(ast: hbs.AST.Program): ReadonlySet<string> | 'all' {
  const names = new Set<string>();
  let all = false;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const n = node as Node;
    if ((n.type === 'SubExpression' || n.type === 'MustacheStatement' || n.type === 'BlockStatement') && n.path) {
      const helper = (n.path as hbs.AST.PathExpression).original;
      if (helper === 'eq' || helper === 'lookup') {
        for (const param of (n.params as hbs.AST.Expression[]) ?? []) {
          if (param.type !== 'PathExpression') continue;
          const p = param as hbs.AST.PathExpression;
          const last = p.parts[p.parts.length - 1];
          if (last === undefined || p.data) all = true;
          else names.add(last);
        }
      }
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
  };
  visit(ast);
  return all ? 'all' : names;
}

function lineOf(error: unknown): number | undefined {
  const e = error as { lineNumber?: number; message?: string };
  if (typeof e.lineNumber === 'number') return e.lineNumber;
  const match = /on line (\d+)|- (\d+):\d+$/.exec(e.message ?? '');
  const text = match?.[1] ?? match?.[2];
  return text ? Number(text) : undefined;
}

function describeError(error: unknown): Wording {
  const message = error instanceof Error ? error.message : String(error);
  const expecting = /Expecting (.*), got '([^']*)'/.exec(message);
  if (expecting) {
    const wanted = (closing: string) => expecting[1]!.replace(/'OPEN_ENDBLOCK'/g, closing).replace(/'CLOSE'/g, '}}');
    return {
      fr: `Handlebars ne peut pas le lire (trouvé ${expecting[2]}, attendu ${wanted('un {{/…}} fermant')})`,
      en: `Handlebars cannot parse it (got ${expecting[2]}, expected ${wanted('a closing {{/…}}')})`,
    };
  }
  if (/unknown helper (\S+)/.test(message)) {
    const helper = /unknown helper (\S+)/.exec(message)![1];
    return {
      fr: `fonction (helper) inconnue « ${helper} » : seuls eq et les fonctions intégrées de Handlebars (if, unless, each, with, lookup) sont permis`,
      en: `unknown helper "${helper}": only eq and the built-in helpers (if, unless, each, with, lookup) are allowed`,
    };
  }
  const text = message.replace(/ - \d+:\d+$/, '').split('\n')[0]!;
  return { fr: `Handlebars : ${text}`, en: text };
}

/** Parses a template's Handlebars syntax; a problem names the file and the line. */
export function parseHandlebars(file: string, source: string): hbs.AST.Program | TemplateProblem {
  try {
    return Handlebars.parse(source);
  } catch (error) {
    return { file, line: lineOf(error), message: describeError(error) };
  }
}

/**
 * Compiles a campaign template once (strict, `eq` as the only extra helper). `noEscape` for subjects and
 * plain-text bodies, where HTML escaping would show as `&#x27;`.
 */
export function compileHandlebars(file: string, source: string, options: { noEscape: boolean }): CompiledTemplate | TemplateProblem {
  const parsed = parseHandlebars(file, source);
  if (!('body' in parsed)) return parsed;
  const comparedNames = comparedNamesOf(parsed);
  new ValueInstrumenter().accept(parsed);
  try {
    // precompile is eager: it reports unknown helpers now rather than at the first render.
    env.precompile(parsed, { ...COMPILE_OPTIONS, noEscape: options.noEscape });
  } catch (error) {
    return { file, line: lineOf(error), message: describeError(error) };
  }
  const instrumented = Handlebars.parse(source);
  new ValueInstrumenter().accept(instrumented);
  const template = env.compile(instrumented, { ...COMPILE_OPTIONS, noEscape: options.noEscape });
  return { file, render: (context) => template(context), comparedNames };
}

/** True when a compile result is a problem rather than a template. */
export function isProblem(result: CompiledTemplate | TemplateProblem | hbs.AST.Program): result is TemplateProblem {
  return 'message' in result && !('render' in result) && !('body' in result);
}
