// Process: test (Node). Stands in for the `async-test-util` package, which rxdb/plugins/test-utils imports but
// which is not installed here: the two functions the test utils use, with the package's meaning. Aliased in
// vitest.config.ts (server project); drop the alias once the package is a devDependency.
export const wait = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function randomString(length = 12, charset = 'abcdefghijklmnopqrstuvwxyz'): string {
  let text = '';
  for (let i = 0; i < length; i++) text += charset.charAt(Math.floor(Math.random() * charset.length));
  return text;
}
