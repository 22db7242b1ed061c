// `--name value` options of the bench scripts, with defaults.
const args = process.argv.slice(2);

export const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};

export const flag = (name: string): boolean => args.includes(`--${name}`);
