import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages, readLocales } from '../../server/common/i18n.ts';
import { projectRoot } from '../../server/common/project-root.ts';

/**
 * Every event type the server writes to the log, read from its source: `events.record({ ...
 * type: 'x' })`, `events.recordFor(citizen, clock, { type: 'x' })` and the domains' own `record(..., 'x', ...)` helpers (with or without an actor
 * before the type).
 */
function eventTypes(): string[] {
  const root = path.join(projectRoot, 'server');
  const types = new Set<string>();
  for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    for (const match of source.matchAll(
      /events\.record(?:\(|For\([^{]*)\{[\s\S]{0,300}?type: (?:[^,]*\? )?'([a-z][a-z-]*)'(?: : '([a-z][a-z-]*)')?/g,
    )) {
      types.add(match[1]!);
      if (match[2]) types.add(match[2]);
    }
    // The first argument may be a call (`this.deps.citizens.findById(id)!`), the type a choice of two (`ok ? 'a' : 'b'`).
    for (const match of source.matchAll(
      /\brecord\w*\((?:[\w.]+(?:\([^()]*\))?!?, )?(?:'(?:trainee|teacher|system|issuer|cli|anonymous)', )?(?:[^,()'\n]*(?:'[a-z-]*'[^,()'\n]*)?\? )?'(?!(?:trainee|teacher|system|issuer|cli|anonymous)')([a-z][a-z-]*)'(?: : '([a-z][a-z-]*)')?/g,
    )) {
      types.add(match[1]!);
      if (match[2]) types.add(match[2]);
    }
  }
  return [...types].sort();
}

describe("the teacher's names of events", () => {
  it('finds the event types in the source (the scan itself works)', () => {
    expect(eventTypes()).toEqual(
      expect.arrayContaining(['login-ok', 'letter-read', 'folder-created', 'support-identified', 'public-access-refused']),
    );
  });

  it('finds every MitID event, also those written as a choice of two or for a citizen looked up in the call', () => {
    expect(eventTypes()).toEqual(
      expect.arrayContaining([
        'mitid-activated',
        'mitid-approved',
        'mitid-block-expired',
        'mitid-cancelled',
        'mitid-code-display-suspended',
        'mitid-code-ok',
        'mitid-created-with-nemid',
        'mitid-passport-read',
        'mitid-rejected',
        'mitid-request-expired',
        'mitid-request-sent',
        'mitid-user-id-ok',
        'mitid-wrong-code',
        'mitid-wrong-password',
      ]),
    );
  });

  it('has a name for every event type the server writes, in Danish, English and German', () => {
    const locales = readLocales();
    const missing = languages.flatMap((lang) => {
      const names = (locales[lang]!.teacher as { events: Record<string, string> }).events;
      return eventTypes()
        .filter((type) => typeof names[type] !== 'string')
        .map((type) => `${lang} ${type}`);
    });
    expect(missing).toEqual([]);
  });
});
