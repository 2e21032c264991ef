// A tiny flag parser for the two CLIs: --name value, --name=value and boolean --flags.
export function parseArgs(argv, { booleans = [], strings = [] }) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (booleans.includes(name)) options[name] = true;
    else if (strings.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value`);
      options[name] = value;
    } else throw new Error(`unknown option --${name}`);
  }
  return options;
}
