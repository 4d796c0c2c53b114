/**
 * The rules of NemID passwords and self-chosen user IDs (SPEC.md's defaults table).
 * Each broken rule is returned as a locale key, so the page can say which rule it was.
 */

const danishLetters = /[æøåÆØÅ]/;
/** A NemID password's length, in characters. */
const passwordLength = { min: 6, max: 40 };

export interface CredentialContext {
  cpr: string;
  nemidNumber: string;
}

/** NemID passwords are not case-sensitive: they are compared (and hashed) in lower case. */
export function normalisePassword(password: string): string {
  return password.toLowerCase();
}

export function passwordProblems(password: string, who: CredentialContext, userId?: string | null): string[] {
  const problems: string[] = [];
  if (password.length < passwordLength.min || password.length > passwordLength.max) problems.push('credentials:password.length');
  if (!/[a-zA-Z]/.test(password) || !/\d/.test(password)) problems.push('credentials:password.lettersAndDigits');
  if (danishLetters.test(password)) problems.push('credentials:password.danishLetters');
  if (/[^\x20-\x7e]/.test(password.replace(/[æøåÆØÅ]/g, ''))) problems.push('credentials:password.characters');
  if (/(.)\1\1\1/i.test(password)) problems.push('credentials:password.repeated');
  if (password !== password.trim()) problems.push('credentials:password.spaces');
  const lower = password.toLowerCase();
  if (lower.includes(who.cpr) || lower.includes(`${who.cpr.slice(0, 6)}-${who.cpr.slice(6)}`) || lower.includes(who.nemidNumber)) {
    problems.push('credentials:password.containsNumber');
  }
  if (userId && userId.length > 0 && lower.includes(userId.toLowerCase())) problems.push('credentials:password.containsUserId');
  return problems;
}

/**
 * Whether typed text could be a NemID password by its form alone (one word, 6-40
 * characters, letters and digits): what the workshop's caller takes as an answer. A
 * sentence ("No, I will not give it. Who are you?") is not one.
 */
export function couldBePassword(text: string): boolean {
  const word = text.trim();
  return (
    !/\s/.test(word) &&
    word.length >= passwordLength.min &&
    word.length <= passwordLength.max &&
    /[a-zA-ZæøåÆØÅ]/.test(word) &&
    /\d/.test(word)
  );
}

export function userIdProblems(userId: string): string[] {
  const problems: string[] = [];
  if (userId.length < 5 || userId.length > 48) problems.push('credentials:userId.length');
  if (danishLetters.test(userId)) problems.push('credentials:userId.danishLetters');
  else if (!/^[a-zA-Z0-9._@-]*$/.test(userId)) problems.push('credentials:userId.characters');
  if (/^\d{6}-?\d{4}$/.test(userId) || /^\d{9}$/.test(userId) || /^\d+$/.test(userId)) {
    problems.push('credentials:userId.looksLikeNumber');
  }
  return problems;
}
