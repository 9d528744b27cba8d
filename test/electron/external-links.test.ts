// Process: test (Node). Which links reach the operating system, and the question asked before they do.
import { describe, expect, it } from 'vitest';
import { externalLink, linkConfirmation } from '../../electron/external-links.ts';

describe('external links', () => {
  it('allows https, mailto: and tel:, each named by its address', () => {
    expect(externalLink('https://sphere.example.com/help?a=1')).toEqual({ kind: 'web', url: 'https://sphere.example.com/help?a=1', address: 'sphere.example.com' });
    expect(externalLink('mailto:grace@example.com')).toEqual({ kind: 'mail', url: 'mailto:grace@example.com', address: 'grace@example.com' });
    expect(externalLink('tel:+1%20555%200100')).toEqual({ kind: 'phone', url: 'tel:+1%20555%200100', address: '+1 555 0100' });
  });

  it('refuses every other scheme and malformed input', () => {
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'ms-msdt:/id', 'app://sphere/index.html', 'data:text/html,x', 'mailto:', 'tel:', 'https://', 'nonsense', 'mailto:grace@example.com%0A%0Aevil@example.com']) {
      expect(externalLink(url), url).toBeNull();
    }
  });

  it('refuses an https link whose user part poses as the host', () => {
    expect(externalLink('https://bank.example@evil.example/login')).toBeNull();
  });

  it('names a look-alike host by the punycode it really is', () => {
    expect(externalLink('https://аpple.com/')?.address).toBe('xn--pple-43d.com');
  });

  it('asks first, naming the address, with Cancel as the default', () => {
    const web = linkConfirmation(externalLink('https://sphere.example.com/help')!);
    expect(web).toEqual({ message: 'Open sphere.example.com in your browser?', detail: 'https://sphere.example.com/help', buttons: ['Cancel', 'Open in browser'], defaultId: 0, cancelId: 0 });
    expect(linkConfirmation(externalLink('mailto:grace@example.com')!).message).toBe('Write an email to grace@example.com?');
    expect(linkConfirmation(externalLink('tel:+15550100')!).message).toBe('Call +15550100?');
  });
});
