// Process: any (pure). A contact's one name field split the way address books store it (given and family
// names), so that joining the parts again gives the same name back.

export type NameParts = { given: string; family: string };

/**
 * The last word is the family name, the rest the given names ("Mary Ann Lee" is Mary Ann, Lee). A name of one
 * word (or written without spaces, as Chinese and Japanese names often are) stays whole as the given name,
 * rather than being cut at a guess.
 */
export function splitName(name: string): NameParts {
  const trimmed = name.trim();
  const at = trimmed.lastIndexOf(' ');
  if (at <= 0) return { given: trimmed, family: '' };
  return { given: trimmed.slice(0, at).trim(), family: trimmed.slice(at + 1) };
}
