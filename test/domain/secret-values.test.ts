import {describe, expect, test} from 'vitest';
import {findSecretValue} from '../../source/domain/secret-values.js';

// Test values are made up; they only have the shapes of real ones.
const STRIPE = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`;
const GITHUB = `ghp_${'a'.repeat(18)}${'B1'.repeat(9)}`;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('findSecretValue: secrets by their value', () => {
  test.each<[string, string, string]>([
    ['postgres://app:hunter2@db/app', 'url-password', 'postgres://app:…@db/app'],
    ['https://user:p%40ss@registry.example.com:5000/v2/', 'url-password', 'https://user:…@registry.example.com:5000/v2/'],
    ['AKIAIOSFODNN7EXAMPLE', 'aws-access-key-id', 'AKIA…'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws-secret-access-key', 'wJ…'],
    [GITHUB, 'github-token', 'ghp_…'],
    ['glpat-xxxxxxxxxxxxxxxxxxxx', 'gitlab-token', 'glpat-…'],
    ['xoxb-123456789012-abcdefABCDEF', 'slack-token', 'xoxb-…'],
    [STRIPE, 'stripe-key', 'sk_live_…'],
    ['AIzaSyA-1234567890abcdefghijklmnopqrstu', 'google-api-key', 'AIza…'],
    [`npm_${'a1B2'.repeat(9)}`, 'npm-token', 'npm_…'],
    [JWT, 'jwt', 'eyJ… (a JWT)'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq\n-----END RSA PRIVATE KEY-----', 'private-key', '-----BEGIN RSA PRIVATE KEY-----…'],
  ])('%s is a %s, shown as %s', (value, kind, shown) => {
    expect(findSecretValue(value)).toEqual({kind, shown});
  });

  test.each([
    'postgres://db/app',
    'postgres://app:${DB_PASSWORD}@db/app',
    'prod/db',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf',
    'registry.example.com:5000/team/web@sha256:' + 'ab'.repeat(32),
    'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    'production',
    'KEYBOARD_LAYOUT',
    '',
  ])('%j is not a secret', (value) => {
    expect(findSecretValue(value)).toBeUndefined();
  });

  test('what is shown never contains the secret part', () => {
    for (const value of ['postgres://app:hunter2@db/app', STRIPE, GITHUB, JWT, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']) {
      const shown = findSecretValue(value)?.shown ?? '';
      expect(shown.length).toBeLessThan(value.length);
      expect(shown).not.toContain(value.slice(-8));
    }
  });
});
