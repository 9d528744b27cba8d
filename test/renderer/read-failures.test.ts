// Process: test (Node). Which storage answers tell the window it cannot show its sphere.
import { describe, expect, it } from 'vitest';
import { ReadFailures } from '../../renderer/platform/read-failures.ts';
import { STORE_UNREACHABLE } from '../../renderer/platform/connection.ts';

const answer = (method: string, message?: string) => ({ connectionId: 'c', answerTo: 'r', method, ...(message ? { error: { name: 'E', message, stack: '' } } : { return: [] }) });

describe('read failures', () => {
  it('reports a read the host refused, with its reason, and nothing else', () => {
    const failures = new ReadFailures();
    const heard: string[] = [];
    const stop = failures.subscribe((reason) => heard.push(reason));
    failures.inspect(answer('query', 'Invalid string length'));
    failures.inspect(answer('getChangedDocumentsSince', 'Unterminated string in JSON'));
    // A refused write is the form's to show; a lost host is the banner's; a good answer is no failure.
    failures.inspect(answer('bulkWrite', 'schema says no'));
    failures.inspect(answer('query', `could not requestRemote: ${STORE_UNREACHABLE}`));
    failures.inspect(answer('query'));
    failures.inspect(null);
    failures.inspect({ method: { toString: 1 }, error: {} });
    expect(heard).toEqual(['Invalid string length', 'Unterminated string in JSON']);
    stop();
    failures.inspect(answer('count', 'again'));
    expect(heard).toHaveLength(2);
  });
});
