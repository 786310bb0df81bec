import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {resolveProfile} from '../../../source/domain/applications.js';
import type {Profile} from '../../../source/domain/model.js';
import {applicationsOfProfiles} from '../../../source/domain/profile-schema/application-migration.js';
import {migrateStoreDocument, validateStoreDocument} from '../../../source/domain/profile-schema/store-document.js';
import {renderAndValidate} from '../../../source/domain/render-and-validate.js';
import {ec2FormProfile, fargateJsonProfile} from '../../helpers/profile-fixtures.js';

/** A store the schema-3 release wrote (test/fixtures/stores/make-v3-store.ts): 55 profiles in 5 applications. */
const V3_FILE = path.join(import.meta.dirname, '../../fixtures/stores/v3-five-applications.json');
const v3 = (): {schemaVersion: number; profiles: Record<string, Profile>} => JSON.parse(fs.readFileSync(V3_FILE, 'utf8'));

describe('schema 3 → 4 on a store written by the schema-3 release (55 profiles, 5 applications)', () => {
  const old = v3();
  const migration = migrateStoreDocument(v3());
  const document = migration.document!;
  const renamedOf = (profile: string, environment: string): string => {
    const stored = document.profiles[profile]!;
    const index = old.profiles[profile]!.environments.findIndex((candidate) => candidate.name === environment);
    return stored.environments[index]!.name;
  };

  test('it migrates without an issue, from version 3, and the result is a valid schema-4 document', () => {
    expect(old.schemaVersion).toBe(3);
    expect(Object.keys(old.profiles)).toHaveLength(55);
    expect(migration.issues).toEqual([]);
    expect(migration.fromVersion).toBe(3);
    expect(validateStoreDocument(structuredClone(document))).toEqual({document, issues: []});
    expect(Object.keys(document.applications)).toEqual(['ECS Demo Application', 'internal tools', 'payments', 'search', 'shop']);
    expect(Object.keys(document.profiles)).toEqual(Object.keys(old.profiles));
  });

  test('every profile renders exactly as before, in every environment (renamed ones under their new name)', () => {
    let rendered = 0;
    for (const [name, before] of Object.entries(old.profiles)) {
      const stored = document.profiles[name]!;
      const after = resolveProfile(stored, document.applications[stored.application]);
      if (!('profile' in after)) throw new Error(`${name} does not resolve`);
      for (const environment of before.environments) {
        const was = renderAndValidate({profile: before, environment: environment.name});
        const now = renderAndValidate({profile: after.profile, environment: renamedOf(name, environment.name)});
        expect(now.taskDefinition, `${name} ${environment.name}`).toEqual(was.taskDefinition);
        expect(now.service, `${name} ${environment.name}`).toEqual(was.service);
        expect(was.taskDefinition).toBeDefined();
        rendered += 1;
      }
    }
    expect(rendered).toBeGreaterThan(120);
  });

  test('nothing is lost: each resolved profile is the old one, environment names (and the runs naming them) aside', () => {
    for (const [name, before] of Object.entries(old.profiles)) {
      const stored = document.profiles[name]!;
      const after = resolveProfile(stored, document.applications[stored.application]);
      if (!('profile' in after)) throw new Error(`${name} does not resolve`);
      const names = new Map(before.environments.map((environment) => [environment.name, renamedOf(name, environment.name)]));
      expect(after.profile).toEqual({
        ...before,
        environments: before.environments.map((environment) => ({...environment, name: names.get(environment.name)})),
        runs: before.runs.map((run) => ({...run, environment: names.get(run.environment) ?? run.environment})),
      });
    }
  });

  test('identical environments are merged; per-service config-variable overrides stay with each service', () => {
    const shop = document.applications.shop!;
    // EC2 services (no network) and Fargate services (awsvpc, execution role) of one name are different environments.
    expect(shop.environments.map((environment) => environment.name)).toEqual(['dev', 'dev-2', 'staging', 'staging-2', 'production']);
    expect(shop.environments.find((environment) => environment.name === 'dev-2')?.note).toBe(
      'kept apart from "dev" when profiles became applications: its launch type, network, execution role differ; used by shop-1, shop-3, shop-5, shop-7, shop-9',
    );
    // shop-0, -3, -6, -9 have their own staging overrides: merged all the same.
    expect(document.profiles['shop-0']!.environments[1]).toEqual({name: 'staging', overrides: {logLevel: 'debug', replicas: '0'}});
    expect(document.profiles['shop-2']!.environments[1]).toEqual({name: 'staging', overrides: {}});
  });

  test('environments of one name that differ are kept apart, named so that the person can tell, with a note', () => {
    const payments = document.applications.payments!;
    const staging = payments.environments.filter((environment) => environment.name.startsWith('staging'));
    expect(staging.map((environment) => [environment.name, environment.cluster])).toEqual([
      ['staging', 'app1-staging'],
      ['staging-2', 'app1-staging'],
      ['staging-3', 'app1-staging-old'],
    ]);
    expect(staging[2]!.note).toBe('kept apart from "staging-2" when profiles became applications: its cluster differs; used by payments-3, payments-7');
    expect(migration.notes).toContain(
      'application "payments": environment "staging" of payments-3, payments-7 is now "staging-3" (its cluster differs from "staging-2")',
    );
    // The runs of a renamed environment follow it.
    expect(old.profiles['payments-7']!.runs.map((run) => run.environment)).toEqual(['dev', 'staging', 'dev', 'staging']);
    expect(document.profiles['payments-7']!.runs.map((run) => run.environment)).toEqual(['dev-2', 'staging-3', 'dev-2', 'staging-3']);
  });
});

describe('applicationsOfProfiles', () => {
  test('two services sharing an environment: one application environment, two uses', () => {
    const web = fargateJsonProfile({name: 'web'});
    const api = fargateJsonProfile({name: 'api'});
    api.environments[0]!.overrides = {logLevel: 'trace'};
    const result = applicationsOfProfiles([web, api]);
    expect(result.applications).toHaveLength(1);
    expect(result.applications[0]!.environments.map((environment) => environment.name)).toEqual(['staging', 'production']);
    expect(result.notes).toEqual([]);
    expect(result.profiles.map((profile) => profile.environments[0])).toEqual([
      {name: 'staging', overrides: {logLevel: 'debug'}},
      {name: 'staging', overrides: {logLevel: 'trace'}},
    ]);
  });

  test('the variant most services use keeps the name; a NAME-2 already taken is skipped', () => {
    const a = ec2FormProfile({name: 'a'});
    const b = ec2FormProfile({name: 'b'});
    const c = ec2FormProfile({name: 'c'});
    a.environments[0]!.cluster = 'lonely';
    c.environments.push({...c.environments[0]!, name: 'dev-2', cluster: 'other'});
    const result = applicationsOfProfiles([a, b, c]);
    expect(result.applications[0]!.environments.map((environment) => [environment.name, environment.cluster])).toEqual([
      ['dev', 'demo-ec2'],
      ['dev-3', 'lonely'],
      ['dev-2', 'other'],
    ]);
    expect(result.renamed).toEqual([{profile: 'a', application: 'ECS Demo Application', from: 'dev', to: 'dev-3'}]);
  });
});
