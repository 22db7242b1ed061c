// What each directory of src/ is, and the rules of its imports: the dependency direction the architecture
// test checks (test/architecture.test.ts). A new directory has no entry and fails that test until it is
// placed here. Sources are read with TypeScript's parser, so a comment or a string that names `node:fs` or
// `Date.now()` is never taken for code, and a multi-line import is one import.
import { builtinModules } from 'node:module';
import ts from 'typescript';

/** The core: no I/O, no clock, no process, no Node built-in at all (much of it runs in the browser too:
 *  src/web imports alerts, events, lists, screening and ais, and through them the detectors). */
export const CORE = ['ais', 'alerts', 'anchorages', 'detectors', 'events', 'fuel', 'geo', 'imagery', 'lists', 'reference', 'risk',
  'screening', 'sim', 'sites', 'tracks'] as const;

/** The layers around the core, by rank: a module imports (as a value) only the core and directories of its own
 *  rank or below; `import type` is free outside the core (it leaves no trace at run time). */
export const LAYER_RANK: Record<string, number> = {
  report: 1, // evidence packs as text (HTML, SVG, KML): pure like the core, may use the UI's palette
  web: 1, // the browser UI: no Node built-in
  io: 2, // readers and writers of files
  store: 2, // DuckDB
  ingest: 2, // files and live feeds into the store
  parallel: 2, // detection over worker threads
  server: 3, // HTTP API
  cluster: 3, // NATS workers
  cli: 4, // the commands: may use everything
};

/** Layers held to the core's purity rules besides their rank (no Node built-in, no clock, no process). */
export const PURE_LAYERS = ['report'];
/** Layers that run in the browser: no Node built-in. */
export const BROWSER_LAYERS = ['web'];

export interface Import { spec: string; typeOnly: boolean }

export interface SourceFacts {
  imports: Import[];
  /** Reads of the clock, the process, timers and randomness, each as the reason it breaks purity. */
  impure: string[];
}

const CLOCK = new Set(['Date.now', 'performance.now', 'performance.timeOrigin']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate']);

/** What a TypeScript source imports (static, dynamic, re-exports) and which impure globals its code uses. */
export function readSource(text: string): SourceFacts {
  const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const imports: Import[] = [];
  const impure = new Set<string>();
  const global = (e: ts.Expression): string | null => {
    if (ts.isIdentifier(e)) return e.text;
    // globalThis.process, globalThis.setTimeout
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'globalThis') return e.name.text;
    return null;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      const typeOnly = Boolean(c && (c.isTypeOnly || (!c.name && named && named.length > 0 && named.every((n) => n.isTypeOnly))));
      imports.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      imports.push({ spec: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node)) {
      const arg = node.arguments[0];
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword || global(node.expression) === 'require';
      if (dynamic && arg && ts.isStringLiteralLike(arg)) imports.push({ spec: arg.text, typeOnly: false });
      if (TIMERS.has(global(node.expression) ?? '')) impure.add('waits on the clock');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      imports.push({ spec: node.argument.literal.text, typeOnly: true }); // import('x').T in a type
    } else if (ts.isNewExpression(node) && global(node.expression) === 'Date' && (node.arguments?.length ?? 0) === 0) {
      impure.add('reads the clock');
    } else if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const owner = global(node.expression);
      const name = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : '';
      if (owner === 'process') impure.add('reads the process (env, argv, exit, hrtime, memory)');
      else if (CLOCK.has(`${owner}.${name}`)) impure.add('reads the clock');
      else if (owner === 'Math' && name === 'random') impure.add('is non-deterministic');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { imports, impure: [...impure] };
}

export function isBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || builtinModules.includes(spec) || builtinModules.includes(spec.split('/')[0]);
}

/** The directory of src/ that a relative import from `fromFile` (a path under src/) lands in. */
export function targetDir(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const parts = fromFile.split('/').slice(0, -1);
  for (const p of spec.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.length > 1 ? parts[0] : null; // a file directly in src/ has no directory
}

/** Every rule `file` (its path under src/, e.g. 'detectors/gap.ts') breaks, as messages. */
export function violations(file: string, text: string): string[] {
  const dir = file.split('/')[0];
  const core = (CORE as readonly string[]).includes(dir);
  const rank = core ? 0 : LAYER_RANK[dir];
  if (rank === undefined) return [`${file}: src/${dir} is neither core nor a known layer (test/architecture/layers.ts)`];
  const pure = core || PURE_LAYERS.includes(dir);
  const facts = readSource(text);
  const out: string[] = [];
  for (const { spec, typeOnly } of facts.imports) {
    if (isBuiltin(spec)) {
      if (pure || BROWSER_LAYERS.includes(dir)) out.push(`${file}: imports the Node built-in ${spec}`);
      continue;
    }
    const to = targetDir(file, spec);
    if (to === null || to === dir) continue;
    const toCore = (CORE as readonly string[]).includes(to);
    if (core && !toCore) out.push(`${file}: the core imports the ${to} layer (${spec})`);
    else if (!core && !toCore && !typeOnly && (LAYER_RANK[to] ?? Infinity) > rank) out.push(`${file}: ${dir} (rank ${rank}) imports ${to} (rank ${LAYER_RANK[to] ?? '?'}): ${spec}`);
  }
  if (pure) for (const why of facts.impure) out.push(`${file} ${why}`);
  return out;
}
