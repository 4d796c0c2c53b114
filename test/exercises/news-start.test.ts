import { describe, expect, it } from 'vitest';
import { newsStart } from '../../server/exercises/experience.ts';

describe('where the celebration\'s "next exercise" link goes', () => {
  it("goes to the exercise's start from another page", () => {
    expect(newsStart('/post', '/my-nemid', false)).toEqual({ href: '/post', getBackIn: false });
    expect(newsStart('/post', '/post/sent', false)).toEqual({ href: '/post', getBackIn: false });
  });

  it('offers no link back to the start of the login the trainee is in the middle of', () => {
    expect(newsStart('/login?service=mynemid', '/login/key', false)).toBeNull();
    expect(newsStart('/login?service=mynemid', '/login', false)).toBeNull();
    expect(newsStart(undefined, '/my-nemid', false)).toBeNull();
  });

  it('with a blocked NemID, sends the trainee to get back in before an exercise that needs a login', () => {
    expect(newsStart('/post', '/letterbox', true)).toEqual({ href: '/nemid', getBackIn: true });
    expect(newsStart('/post', '/nemid', true)).toEqual({ href: null, getBackIn: true });
    expect(newsStart('/nemid', '/my-nemid', true)).toEqual({ href: '/nemid', getBackIn: false });
  });
});
