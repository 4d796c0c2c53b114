/**
 * MitID's own rules for the user ID [S1] and the password [S3] (docs/mitid.md), unlike
 * NemID's (server/citizen/credentials.ts). Each broken rule is a locale key of mitid.json.
 */

/** The characters a MitID user ID may hold [S1], compared without case; and the space. */
const userIdCharacters = /^[abcdefghijklmnopqrstuvwxyzæøå0123456789{}!#$^,*()_+\-=:;?.@ ]*$/;

export const mitidUserIdLength = { min: 5, max: 48 } as const;
export const mitidPasswordLength = { min: 8, max: 64 } as const;

export function mitidUserIdProblems(userId: string, cpr?: string): string[] {
  const problems: string[] = [];
  if (userId.length < mitidUserIdLength.min || userId.length > mitidUserIdLength.max) problems.push('mitid:userIdRules.length');
  if (!userIdCharacters.test(userId.toLowerCase())) problems.push('mitid:userIdRules.characters');
  if (userId !== userId.trim()) problems.push('mitid:userIdRules.spaces');
  const digits = userId.replace(/-/g, '');
  if (/^\d{10}$/.test(digits) || (cpr !== undefined && digits === cpr)) problems.push('mitid:userIdRules.cpr');
  return problems;
}

const keyboardRows = ['qwertyui', 'asdfghjk', 'abc12345'];

export function mitidPasswordProblems(password: string, userId: string): string[] {
  const problems: string[] = [];
  const lower = password.toLowerCase();
  if (password.length < mitidPasswordLength.min || password.length > mitidPasswordLength.max) problems.push('mitid:passwordRules.length');
  if (userId.length > 0 && lower.includes(userId.toLowerCase())) problems.push('mitid:passwordRules.userId');
  if (/\d{10}/.test(password)) problems.push('mitid:passwordRules.cpr');
  if (lower.includes('password') || lower.includes('adgangskode')) problems.push('mitid:passwordRules.word');
  if (keyboardRows.some((row) => lower.includes(row))) problems.push('mitid:passwordRules.keyboard');
  return problems;
}
