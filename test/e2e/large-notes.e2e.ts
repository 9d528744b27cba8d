// Process: test (Node, drives Chromium). A sphere whose contacts' notes are at the 20,000-character limit opens: its
// answers are larger than one frame (16 M characters) and reach the window over several, put back together there.
import { describe, expect, it } from 'vitest';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { fillStore } from '../support/fill-store.ts';
import { withSphere } from './harness.ts';

// 1,000 contacts x 20,000 characters: 20 M characters of notes, two frames. The 27,000 (540 M, past
// V8's longest string) is the same mechanism at 34 frames, too heavy for CI.
const sphere = generateSphere({ seed: 7, contacts: 1000, ties: 0 });
const note = (i: number) => `${i} `.padEnd(20_000, 'n');
sphere.contacts.forEach((c, i) => (c.notes = note(i)));

describe('a sphere of large notes', () => {
  it('opens whole, its answers paged over several frames', () => {
    const pages: number[] = [];
    return withSphere('large-notes', {
      prepare: (dataDir) => fillStore(dataDir, sphere),
      // Before the page loads: its socket opens at once.
      beforeLoad: async (page) => {
        page.on('websocket', (ws) => ws.on('framereceived', (f) => {
          if (typeof f.payload === 'string' && f.payload.startsWith('{"t":"documents"')) pages.push(f.payload.length);
        }));
      },
    }, async ({ page, session }) => {
      await page.waitForFunction((n) => (window as unknown as { __sphere: { nodeCount(): number } }).__sphere.nodeCount() === n, sphere.contacts.length, { timeout: 60_000 });
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(Math.max(...pages)).toBeLessThanOrEqual(16 * 1024 * 1024 + 64);
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(session.errors).toEqual([]);
    });
  });
});
