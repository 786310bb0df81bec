/**
 * Rules of the profile parts a run reads besides its documents: the artifact (a reference that reads back
 * the same), the private registry authentication, the environment (role, subnets, security groups, override
 * names) and the service's config variable names.
 */
import type {Issue} from '../issues.js';
import type {ArtifactSource, Environment, RegistryAuth} from '../model.js';
import {joinPath} from '../json-text.js';
import {formatImage, isValidImagePath, isValidRegistryHost, isValidTag, parseImageReference} from '../image.js';
import {VARIABLE_NAME_PATTERN} from '../placeholders.js';
import {checkArn, Report, typeName} from './report.js';

/** Rules of the artifact: a reference that parses back to exactly this host, image and tag. */
export function validateArtifact(artifact: ArtifactSource, tag: string | undefined): Issue[] {
  const report = new Report('profile');
  if (!isValidRegistryHost(artifact.host))
    report.error('image-reference', 'service.artifact.host', `"${artifact.host}" is not a registry host (host or host:port)`);
  if (!isValidImagePath(artifact.image)) {
    report.error(
      'image-reference',
      'service.artifact.image',
      `"${artifact.image}" is not an image path: lower-case letters, digits and . _ - separated by /`,
      'Write it like library/nginx or team/api',
    );
  }
  if (tag !== undefined && !isValidTag(tag)) {
    report.error('image-reference', 'service.artifact.tag', `"${tag}" is not an image tag (letters, digits, _ . -, at most 128) or digest (sha256:…)`);
  }
  if (report.issues.length === 0) {
    const ref = formatImage(artifact, tag);
    const parsed = parseImageReference(ref);
    if (parsed === undefined || parsed.host !== artifact.host || parsed.image !== artifact.image || parsed.tag !== (tag === '' ? undefined : tag)) {
      report.error(
        'image-reference',
        'service.artifact.host',
        `"${ref}" would be read back as another image (registry host "${parsed?.host ?? ''}", image "${parsed?.image ?? ''}")`,
        'Put the registry host in the host field, not in the image path',
      );
    }
  }
  return report.issues;
}

/** Rules of the private registry authentication: a Secrets Manager secret ARN and, when given, a KMS key ARN. */
export function validateRegistryAuth(auth: RegistryAuth | undefined): Issue[] {
  const report = new Report('profile');
  if (auth === undefined) return [];
  checkArn(report, auth.credentialsSecretArn, 'service.registryAuth.credentialsSecretArn', ['secretsManagerSecret'], 'The registry credentials secret');
  if (auth.kmsKeyArn !== undefined) checkArn(report, auth.kmsKeyArn, 'service.registryAuth.kmsKeyArn', ['kmsKey'], 'The KMS key');
  return report.issues;
}

/** Rules of an environment on its own: role ARN, subnet and security group ids, variable names. */
export function validateEnvironment(environment: Environment): Issue[] {
  const report = new Report('environment');
  if (environment.executionRoleArn !== undefined && environment.executionRoleArn !== '') {
    checkArn(report, environment.executionRoleArn, 'executionRoleArn', ['iamRole'], 'The execution role');
  }
  const network = environment.network;
  if (network !== undefined) {
    (Array.isArray(network.subnets) ? network.subnets : []).forEach((subnet, index) => {
      if (typeof subnet !== 'string' || !/^subnet-[0-9a-f]{8,17}$/.test(subnet))
        report.error('invalid-value', joinPath('network.subnets', index), `${typeName(subnet)} is not a subnet id (subnet-…)`);
    });
    (Array.isArray(network.securityGroups) ? network.securityGroups : []).forEach((group, index) => {
      if (typeof group !== 'string' || !/^sg-[0-9a-f]{8,17}$/.test(group))
        report.error('invalid-value', joinPath('network.securityGroups', index), `${typeName(group)} is not a security group id (sg-…)`);
    });
  }
  for (const name of Object.keys(environment.overrides ?? {})) {
    if (!VARIABLE_NAME_PATTERN.test(name))
      report.add(
        'error',
        'invalid-variable-name',
        joinPath('overrides', name),
        `"${name}" is not a variable name (a letter or _, then letters, digits, _ and -)`,
        undefined,
        'environment',
      );
  }
  return report.issues;
}

/** Config variable names of the service. */
export function validateVariables(variables: Readonly<Record<string, string>>): Issue[] {
  const report = new Report('variables');
  for (const name of Object.keys(variables)) {
    if (!VARIABLE_NAME_PATTERN.test(name))
      report.error('invalid-variable-name', joinPath('', name), `"${name}" is not a variable name (a letter or _, then letters, digits, _ and -)`);
  }
  return report.issues;
}
