import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {exportProfile, parseProfileExport} from '../../../source/domain/profile-schema/export-file.js';
import {PROFILE_SCHEMA_VERSION} from '../../../source/domain/profile-schema/schema.js';
import {ec2FormProfile, fargateJsonProfile} from '../../helpers/profile-fixtures.js';
import {looksLikeCredentialName} from '../../../source/domain/profile-schema/credentials.js';
import {codesAndPaths, SECRET_KEY, v1Profile} from './mutated-profiles.js';

describe('export files', () => {
  test('the export text: marker, version, profile without runs, 2-space indent, final newline', () => {
    const profile = fargateJsonProfile();
    const text = exportProfile(profile);
    expect(text.startsWith('{\n  "ecsWizardProfile": 3,\n  "profile": {\n    "name": "web-api",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const {runs: _runs, ...shared} = profile;
    expect(JSON.parse(text)).toEqual({ecsWizardProfile: PROFILE_SCHEMA_VERSION, profile: shared});
  });

  test('round trip: runs default to none; with includeRuns they come back', () => {
    const profile = fargateJsonProfile();
    expect(parseProfileExport(exportProfile(profile))).toEqual({profile: {...profile, runs: []}, fromVersion: 3, issues: []});
    expect(parseProfileExport(exportProfile(profile, {includeRuns: true}))).toEqual({profile, fromVersion: 3, issues: []});
  });

  test('a JSON syntax error is located by line and column', () => {
    // Truncated after `"application": …,` and the next line's indent: the error is at the end of the text.
    const full = exportProfile(ec2FormProfile());
    const text = full.slice(0, full.indexOf('"service"'));
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('    ');
    const result = parseProfileExport(text);
    expect(result.profile).toBeUndefined();
    expect(result.issues).toMatchObject([{code: 'json-syntax', source: 'import', path: '', line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}]);
  });

  test('a missing comma is located where it is missing', () => {
    expect(parseProfileExport('{\n  "ecsWizardProfile": 2\n  "profile": {}\n}').issues).toMatchObject([{code: 'json-syntax', line: 3, column: 3}]);
  });

  test('an unquoted placeholder is not JSON in a file', () => {
    expect(parseProfileExport('{"ecsWizardProfile": ${x}}').issues).toMatchObject([{code: 'json-syntax', line: 1, column: 22}]);
  });

  test('a byte order mark is accepted', () => {
    expect(parseProfileExport(`\uFEFF${exportProfile(ec2FormProfile())}`).profile).toEqual(ec2FormProfile());
  });

  test('validation issues are listed with paths in the file', () => {
    const text = exportProfile(fargateJsonProfile())
      .replace('"registry": "registry"', '"registry": "quay"')
      .replace('"region": "us-east-1"', '"region": "Virginia"');
    const result = parseProfileExport(text);
    expect(result.profile).toBeUndefined();
    expect(codesAndPaths(result.issues)).toEqual(['schema-value profile.service.artifact.registry', 'schema-value profile.environments[0].region']);
    expect(result.issues.every((issue) => issue.source === 'import')).toBe(true);
  });

  test('a credential in an export file is refused', () => {
    const profile = fargateJsonProfile();
    profile.service.variables.AWS_SECRET_ACCESS_KEY = SECRET_KEY;
    const result = parseProfileExport(exportProfile(profile));
    expect(codesAndPaths(result.issues)).toEqual(['credential-key profile.service.variables.AWS_SECRET_ACCESS_KEY']);
    expect(result.issues[0]?.message).not.toContain(SECRET_KEY);
  });

  test('a schema-1 export is migrated', () => {
    const {runs: _runs, ...profile} = v1Profile();
    const result = parseProfileExport(JSON.stringify({ecsWizardProfile: 1, profile}));
    expect(result).toEqual({profile: {...fargateJsonProfile(), runs: []}, fromVersion: 1, issues: []});
  });

  test.each<[string, string, string[], string]>([
    ['not an object', '[1]', ['schema-type '], 'an exported profile is a JSON object {"ecsWizardProfile": 3, "profile": {...}}; got an array'],
    ['no marker', '{"profile": {}}', ['schema-required ecsWizardProfile'], 'this is not an ecs-wizard profile export: "ecsWizardProfile" is missing'],
    [
      'a newer version',
      '{"ecsWizardProfile": 4, "profile": {}}',
      ['schema-version-newer ecsWizardProfile'],
      'this profile export has schema version 4, newer than this ecs-wizard understands (3); upgrade ecs-wizard to read it',
    ],
    [
      'a bad version',
      '{"ecsWizardProfile": "2", "profile": {}}',
      ['schema-version ecsWizardProfile'],
      'ecsWizardProfile must be a whole number from 1 to 3; got "2"',
    ],
    ['no profile', '{"ecsWizardProfile": 2}', ['schema-required profile'], 'profile is missing'],
    [
      'an extra key',
      JSON.stringify({ecsWizardProfile: 2, profile: ec2FormProfile(), notes: 'x'}),
      ['schema-unknown-key notes'],
      'unknown field "notes" in the export file',
    ],
  ])('refused: %s', (_name, text, expected, message) => {
    const result = parseProfileExport(text);
    expect(codesAndPaths(result.issues)).toEqual(expected);
    expect(result.issues[0]?.message).toBe(message);
    expect(result.profile).toBeUndefined();
  });

  test('property: any valid name and variable values survive export and import', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,20}$/),
        fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,8}$/), fc.string({maxLength: 30})),
        (name, variables) => {
          fc.pre(!Object.keys(variables).some((key) => key in Object.prototype || looksLikeCredentialName(key)));
          const profile = ec2FormProfile({name, service: {...ec2FormProfile().service, variables}});
          expect(parseProfileExport(exportProfile(profile)).profile).toEqual({...profile, runs: []});
        },
      ),
      {numRuns: 200},
    );
  });
});
