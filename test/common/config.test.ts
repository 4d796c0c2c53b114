import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('the sandbox address printed on login slips (PUBLIC_BASE_URL)', () => {
  it('defaults to localhost on the port the sandbox listens on', () => {
    expect(loadConfig({}).publicBaseUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
  });

  it('takes the address trainees type, without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://192.168.1.20:3000/' }).publicBaseUrl).toBe('http://192.168.1.20:3000');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://nemid.skole.example/sandbox' }).publicBaseUrl).toBe(
      'https://nemid.skole.example/sandbox',
    );
  });

  it('refuses what is not a web address, naming the setting', () => {
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'nemid.skole.example' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://nemid.skole.example' })).toThrow(/PUBLIC_BASE_URL must start with http/);
  });
});
