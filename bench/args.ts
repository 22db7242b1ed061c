// `--name value` options of the bench scripts, with defaults.
const args = process.argv.slice(2);

export const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};

export const flag = (name: string): boolean => args.includes(`--${name}`);

/** A seed list: `1,2,3`, a range `1-9`, or both (`1-3,7`); anything else is an error, not NaN seeds. */
export const seedList = (spec: string): number[] => spec.split(',').flatMap((part) => {
  const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
  if (!m) throw new Error(`--seeds: '${part}' is not a seed or a range like 1-9`);
  const a = Number(m[1]), b = m[2] === undefined ? a : Number(m[2]);
  if (b < a) throw new Error(`--seeds: '${part}' runs backwards`);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
});
