/** Profiles for the schema tests: fixtures as plain JSON objects, changed in place, and credentials to plant. */
import type {Issue} from '../../../source/domain/issues.js';
import type {Profile} from '../../../source/domain/model.js';
import {FARGATE_CONTAINER_JSON, fargateJsonProfile} from '../../helpers/profile-fixtures.js';

export const AKID = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq\n-----END RSA PRIVATE KEY-----';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are mutated freely, field by field
export type Raw = Record<string, any>;

/** A fixture as a plain JSON object, changed by `change`. */
export function mutated(change: (profile: Raw) => void, base: () => Profile = fargateJsonProfile): Raw {
  const profile = structuredClone(base()) as Raw;
  change(profile);
  return profile;
}

export const codesAndPaths = (issues: readonly Issue[]): string[] => issues.map((issue) => `${issue.code} ${issue.path}`);

export const jsonSpec = (profile: Raw): string => profile.service.containerSpec.json as string;

export const v1Profile = (): Raw => {
  const profile = structuredClone(fargateJsonProfile()) as Raw;
  profile.service.containerSpec = FARGATE_CONTAINER_JSON;
  delete profile.service.launchType;
  for (const environment of profile.environments) {
    environment.variables = environment.overrides;
    delete environment.overrides;
  }
  return profile;
};
