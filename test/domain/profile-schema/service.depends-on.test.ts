import {describe, expect, test} from 'vitest';
import {validateProfile} from '../../../source/domain/profile-schema/profile.js';
import {codesAndPaths, mutated} from './mutated-profiles.js';

describe("a service's dependsOn (optional; service names of the same application)", () => {
  test('kept as saved', () => {
    const result = validateProfile(mutated((p) => (p.service.dependsOn = ['db', 'cache'])));
    expect(result.issues).toEqual([]);
    expect(result.profile!.service.dependsOn).toEqual(['db', 'cache']);
  });

  test('absent stays absent (profiles written before it still validate unchanged)', () => {
    expect(validateProfile(mutated(() => undefined)).profile!.service).not.toHaveProperty('dependsOn');
  });

  test.each([
    [['web-api'], 'service web-api cannot depend on itself', 'service.dependsOn[0]'],
    [['db', 'db'], 'dependsOn names db twice', 'service.dependsOn[1]'],
    [['not a name'], 'dependsOn[0] must be a service name of the same application', 'service.dependsOn[0]'],
  ])('%j is refused, naming the item', (list, message, path) => {
    const result = validateProfile(mutated((p) => (p.service.dependsOn = list)));
    expect(result.profile).toBeUndefined();
    expect(result.issues.map((issue) => issue.message).join('\n')).toContain(message);
    expect(codesAndPaths(result.issues).join('\n')).toContain(path);
  });

  test('not a list: refused', () => {
    const result = validateProfile(mutated((p) => (p.service.dependsOn = 'db')));
    expect(result.profile).toBeUndefined();
  });
});
