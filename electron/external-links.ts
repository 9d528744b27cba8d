// Process: Electron main, but pure (no Electron import): which links the page may hand to the operating system, and
// the question the user is asked first. The page is ours, but a contact's notes or a synced record could carry a
// link, so nothing leaves the app unless the user has read where it goes.

export type ExternalLink = { kind: 'web' | 'mail' | 'phone'; url: string; address: string };

/** The link, normalised, if it is https, mailto: or tel:; null for every other scheme or a malformed address. */
export function externalLink(raw: string): ExternalLink | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') {
    // `https://bank.example@evil.example/` reads as the bank but goes to evil: credentials are refused outright.
    if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
    // url.host is the punycode form, so a look-alike name shows as the xn-- it really is.
    return { kind: 'web', url: url.href, address: url.host };
  }
  if (url.protocol === 'mailto:' || url.protocol === 'tel:') {
    const address = safeDecode(url.pathname).trim();
    // A decoded line break could push the real address out of the dialog's first line.
    if (address === '' || [...address].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
    return { kind: url.protocol === 'mailto:' ? 'mail' : 'phone', url: url.href, address };
  }
  return null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export type LinkConfirmation = { message: string; detail: string; buttons: [string, string]; defaultId: 0; cancelId: 0 };

/** The question shown before the link is opened; it names the address, and Cancel is the default. */
export function linkConfirmation(link: ExternalLink): LinkConfirmation {
  const question = {
    web: `Open ${link.address} in your browser?`,
    mail: `Write an email to ${link.address}?`,
    phone: `Call ${link.address}?`,
  }[link.kind];
  const button = { web: 'Open in browser', mail: 'Open mail app', phone: 'Call' }[link.kind];
  return { message: question, detail: link.url, buttons: ['Cancel', button], defaultId: 0, cancelId: 0 };
}
