import {describe, expect, test} from 'vitest';
import {migrateStoreDocument, storeDocumentOfProfiles, validateStoreDocument} from '../../../source/domain/profile-schema/store-document.js';
import {ec2FormProfile, fargateJsonProfile, fixtureProfiles} from '../../helpers/profile-fixtures.js';
import {codesAndPaths, v1Profile, type Raw} from './mutated-profiles.js';

/** A schema-4 document holding whole profiles given as raw values: each profile's environments made its application's. */
function v4(profiles: Record<string, Raw>): Raw {
  const applications: Raw = {};
  const stored: Raw = {};
  for (const [key, profile] of Object.entries(profiles)) {
    const application = (applications[profile.application] ??= {name: profile.application, environments: []});
    stored[key] = {
      ...profile,
      environments: profile.environments.map((environment: Raw) => {
        const {name, overrides, ...shared} = environment;
        if (!application.environments.some((candidate: Raw) => candidate.name === name)) application.environments.push({name, ...shared});
        return {name, overrides};
      }),
    };
  }
  return {schemaVersion: 4, applications, profiles: stored};
}

describe('store documents', () => {
  test("a profile's declared plain-text variables hold within that profile only", () => {
    const withPassword = (name: string, declared: boolean): Raw => {
      const profile = structuredClone(ec2FormProfile({name})) as Raw;
      profile.service.containerSpec.form.environment = [{name: 'MYSQL_ROOT_PASSWORD', value: 'hunter2-Very-S3cret'}];
      if (declared) profile.service.plaintextVariables = ['MYSQL_ROOT_PASSWORD'];
      return profile;
    };
    const result = migrateStoreDocument({schemaVersion: 3, profiles: {a: withPassword('a', true), b: withPassword('b', false)}});
    expect(codesAndPaths(result.issues)).toEqual(['credential-key profiles.b.service.containerSpec.form.environment[0]']);
  });

  test('a valid document comes back sorted by name', () => {
    const [ec2, fargate] = [ec2FormProfile({name: 'zeta'}), fargateJsonProfile({name: 'Alpha'})];
    const written = storeDocumentOfProfiles([ec2, fargate]);
    const result = validateStoreDocument({...written, profiles: {zeta: written.profiles.zeta, Alpha: written.profiles.Alpha}});
    expect(result.issues).toEqual([]);
    expect(Object.keys(result.document?.profiles ?? {})).toEqual(['Alpha', 'zeta']);
    expect(result.document).toEqual(written);
  });

  test.each<[string, unknown, string[]]>([
    ['an array', [], ['schema-type ']],
    ['no schemaVersion', {applications: {}, profiles: {}}, ['schema-required schemaVersion']],
    ['a string schemaVersion', {schemaVersion: '2', applications: {}, profiles: {}}, ['schema-version schemaVersion']],
    ['schema version 1 (not migrated)', {schemaVersion: 1, applications: {}, profiles: {}}, ['schema-version schemaVersion']],
    ['profiles not an object', {schemaVersion: 4, applications: {}, profiles: []}, ['schema-type profiles']],
    ['applications missing', {schemaVersion: 4, profiles: {}}, ['schema-required applications']],
    ['an unknown top-level key', {schemaVersion: 4, applications: {}, profiles: {}, extra: 1}, ['schema-unknown-key extra']],
    [
      'a key that is not a valid name',
      v4({'bad name': ec2FormProfile({name: 'bad name'})}),
      ['profile-name profiles["bad name"]', 'profile-name profiles["bad name"].name'],
    ],
    ['a name that differs from its key', v4({web: ec2FormProfile({name: 'other'})}), ['profile-name-mismatch profiles.web.name']],
    [
      'a field deep inside',
      v4({web: {...ec2FormProfile({name: 'web'}), runs: [{}]}}),
      [
        'schema-required profiles.web.runs[0].environment',
        'schema-required profiles.web.runs[0].tag',
        'schema-required profiles.web.runs[0].startedAt',
        'schema-required profiles.web.runs[0].outcome',
      ],
    ],
    ['a credential at the top level', {schemaVersion: 4, applications: {}, profiles: {}, awsSecretAccessKey: 'x'}, ['credential-key awsSecretAccessKey']],
  ])('refused: %s', (_name, document, expected) => {
    const result = validateStoreDocument(document);
    expect(codesAndPaths(result.issues)).toEqual(expected);
    expect(result.document).toBeUndefined();
  });

  test('a newer schema version is refused with "upgrade"', () => {
    const result = validateStoreDocument({schemaVersion: 5, profiles: {}, somethingNew: true});
    expect(result.issues).toEqual([
      {
        code: 'schema-version-newer',
        severity: 'error',
        source: 'profile',
        path: 'schemaVersion',
        message: 'the profile store has schema version 5, newer than this ecs-wizard understands (4); upgrade ecs-wizard to read it',
        fix: 'upgrade ecs-wizard (the file is left as it is)',
      },
    ]);
  });
});

describe('migrateStoreDocument', () => {
  test('a current document is validated, not changed', () => {
    const document = storeDocumentOfProfiles(fixtureProfiles());
    expect(migrateStoreDocument(structuredClone(document))).toEqual({document, fromVersion: 4, issues: []});
  });

  test('schema 2 → 3: the version only; a version-2 profile is what it was (not adopted, every image with its tag)', () => {
    const document = storeDocumentOfProfiles(fixtureProfiles());
    const v2 = {schemaVersion: 2, profiles: Object.fromEntries(fixtureProfiles().map((profile) => [profile.name, profile]))};
    expect(migrateStoreDocument(v2)).toEqual({document, fromVersion: 2, issues: []});
  });

  test('schema 3 takes an adopted service and an image imported without a tag', () => {
    const profile = fargateJsonProfile({name: 'web'});
    const adopted = {...profile, service: {...profile.service, adopted: true, artifact: {...profile.service.artifact, tag: 'latest', implicitLatest: true}}};
    expect(migrateStoreDocument({schemaVersion: 3, profiles: {web: adopted}})).toEqual({
      document: storeDocumentOfProfiles([adopted]),
      fromVersion: 3,
      issues: [],
    });
    const wrong = {...adopted, service: {...adopted.service, adopted: 'yes', artifact: {...adopted.service.artifact, tag: '1.27'}}};
    expect(codesAndPaths(migrateStoreDocument({schemaVersion: 3, profiles: {web: wrong}}).issues)).toEqual([
      'schema-value profiles.web.service.artifact.implicitLatest',
      'schema-type profiles.web.service.adopted',
    ]);
  });

  test('{} is not an empty store: an issue saying what was found (only a missing file is empty)', () => {
    const result = migrateStoreDocument({});
    expect(result.document).toBeUndefined();
    expect(result.issues).toEqual([
      {
        code: 'schema-required',
        severity: 'error',
        source: 'profile',
        path: '',
        message: 'the file holds an empty JSON object ({}), not a profile store: schemaVersion and profiles are missing',
      },
    ]);
  });

  test('schema 1 → 2: container spec text wrapped, launch type derived, variables → overrides', () => {
    const ec2V1 = structuredClone(ec2FormProfile({name: 'legacy'})) as Raw;
    ec2V1.service.containerSpec = '{"containerDefinitions": [{"name": "${CONTAINER_NAME}", "image": "${DOCKER_IMAGE_NAME}", "memory": 256}]}';
    delete ec2V1.service.launchType;
    ec2V1.environments[0].variables = {};
    delete ec2V1.environments[0].overrides;
    const result = migrateStoreDocument({schemaVersion: 1, profiles: {'web-api': v1Profile(), legacy: ec2V1}});
    expect(result.issues).toEqual([]);
    expect(result.fromVersion).toBe(1);
    expect(result.document).toEqual(
      storeDocumentOfProfiles([
        fargateJsonProfile(),
        ec2FormProfile({
          name: 'legacy',
          service: {...ec2FormProfile().service, containerSpec: {mode: 'json', json: ec2V1.service.containerSpec as string}, launchType: 'EC2'},
        }),
      ]),
    );
  });

  test('schema 1 problems are reported at their schema-2 paths', () => {
    const profile = v1Profile();
    profile.environments[0].variables = {containerPort: 8080};
    const result = migrateStoreDocument({schemaVersion: 1, profiles: {'web-api': profile}});
    expect(codesAndPaths(result.issues)).toEqual(['schema-type profiles.web-api.environments[0].overrides.containerPort']);
    expect(result.document).toBeUndefined();
  });

  test('an existing overrides is not replaced by variables (validation reports the leftover key)', () => {
    const profile = v1Profile();
    profile.environments[0].overrides = {};
    const result = migrateStoreDocument({schemaVersion: 1, profiles: {'web-api': profile}});
    expect(codesAndPaths(result.issues)).toEqual(['schema-unknown-key profiles.web-api.environments[0].variables']);
  });

  test('a newer version is refused, never migrated down', () => {
    const result = migrateStoreDocument({schemaVersion: 7, profiles: {}});
    expect(result.document).toBeUndefined();
    expect(result.fromVersion).toBe(7);
    expect(codesAndPaths(result.issues)).toEqual(['schema-version-newer schemaVersion']);
    expect(result.issues[0]?.message).toContain('upgrade ecs-wizard');
  });

  test.each([0, -1, 1.5, '1', null])('schemaVersion %j is refused', (version) => {
    expect(codesAndPaths(migrateStoreDocument({schemaVersion: version, profiles: {}}).issues)).toEqual(['schema-version schemaVersion']);
  });

  test('a document without schemaVersion that is not empty is refused', () => {
    expect(codesAndPaths(migrateStoreDocument({profiles: {}}).issues)).toEqual(['schema-required schemaVersion', 'schema-required applications']);
  });
});
