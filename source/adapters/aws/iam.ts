/**
 * IamPort on the AWS SDK v3. IAM returns policy documents URL-encoded (RFC 3986); they become plain JSON here.
 * Errors become AwsError; a role that does not exist is undefined.
 */
import type {IAMClient} from '@aws-sdk/client-iam';
import {roleNameOf} from '../../domain/iam-policy.js';
import {isJsonObject, type JsonObject, type JsonValue} from '../../domain/json.js';
import {ECS_TASK_EXECUTION_ROLE_POLICY_ARN, ECS_TASKS_PRINCIPAL, executionRoleTrustPolicy} from '../../domain/policy.js';
import {AwsError} from '../../errors.js';
import type {IamPort, IamRole, RolePolicyDocument, SimulationResult} from '../../ports/iam.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

type SdkRole = NonNullable<import('@aws-sdk/client-iam').GetRoleCommandOutput['Role']>;

/** A policy document as IAM returns it (URL-encoded JSON, or plain JSON from some implementations) → JSON. */
export function decodePolicyDocument(text: string | undefined): JsonObject {
  if (text === undefined || text === '') return {};
  const trimmed = text.trim();
  let json: string = trimmed;
  if (!trimmed.startsWith('{')) {
    try {
      json = decodeURIComponent(trimmed);
    } catch {
      return {};
    }
  }
  try {
    const parsed = JSON.parse(json) as JsonValue;
    return isJsonObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

const asArray = (value: JsonValue | undefined): JsonValue[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** True when an Allow statement of the trust policy lets the ECS tasks service principal call sts:AssumeRole. */
export function trustsEcsTasks(trustPolicy: JsonObject): boolean {
  return asArray(trustPolicy.Statement).some((statement) => {
    if (!isJsonObject(statement) || statement.Effect !== 'Allow') return false;
    const actions = asArray(statement.Action);
    if (!actions.some((action) => action === 'sts:AssumeRole' || action === 'sts:*' || action === '*')) return false;
    const principal = statement.Principal;
    if (!isJsonObject(principal)) return false;
    return asArray(principal.Service).some((service) => typeof service === 'string' && service.startsWith(ECS_TASKS_PRINCIPAL));
  });
}

function roleOf(role: SdkRole): IamRole {
  const trustPolicy = decodePolicyDocument(role.AssumeRolePolicyDocument);
  return {
    arn: role.Arn ?? '',
    name: role.RoleName ?? '',
    trustsEcsTasks: trustsEcsTasks(trustPolicy),
    trustPolicy,
    path: role.Path,
    createdAt: role.CreateDate?.toISOString(),
  };
}

export async function createIamPort(factory: AwsClientFactory): Promise<IamPort> {
  const client: IAMClient = await factory.iam();
  const sdk = await import('@aws-sdk/client-iam');
  const target = await factory.target('iam');

  async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, {service: 'iam', operation, ...target});
    }
  }
  const isNotFound = (error: unknown): boolean => error instanceof AwsError && error.kind === 'not-found';

  async function getRole(nameOrArn: string): Promise<IamRole | undefined> {
    try {
      const result = await call('GetRole', () => client.send(new sdk.GetRoleCommand({RoleName: roleNameOf(nameOrArn)})));
      return result.Role === undefined ? undefined : roleOf(result.Role);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async function inlinePolicies(roleName: string): Promise<RolePolicyDocument[]> {
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await call('ListRolePolicies', () => client.send(new sdk.ListRolePoliciesCommand({RoleName: roleName, Marker: marker})));
      names.push(...(page.PolicyNames ?? []));
      marker = page.IsTruncated === true ? page.Marker : undefined;
    } while (marker !== undefined);
    const documents: RolePolicyDocument[] = [];
    for (const name of names) {
      const policy = await call('GetRolePolicy', () => client.send(new sdk.GetRolePolicyCommand({RoleName: roleName, PolicyName: name})));
      documents.push({source: 'inline', name, document: decodePolicyDocument(policy.PolicyDocument)});
    }
    return documents;
  }

  async function managedPolicies(roleName: string): Promise<RolePolicyDocument[]> {
    const attached: Array<{name: string; arn: string}> = [];
    let marker: string | undefined;
    do {
      const page = await call('ListAttachedRolePolicies', () => client.send(new sdk.ListAttachedRolePoliciesCommand({RoleName: roleName, Marker: marker})));
      for (const policy of page.AttachedPolicies ?? []) {
        if (policy.PolicyArn !== undefined) attached.push({name: policy.PolicyName ?? '', arn: policy.PolicyArn});
      }
      marker = page.IsTruncated === true ? page.Marker : undefined;
    } while (marker !== undefined);
    const documents: RolePolicyDocument[] = [];
    for (const {name, arn} of attached) {
      const policy = await call('GetPolicy', () => client.send(new sdk.GetPolicyCommand({PolicyArn: arn})));
      const versionId = policy.Policy?.DefaultVersionId;
      if (versionId === undefined) continue;
      const version = await call('GetPolicyVersion', () => client.send(new sdk.GetPolicyVersionCommand({PolicyArn: arn, VersionId: versionId})));
      documents.push({source: 'managed', name: policy.Policy?.PolicyName ?? name, arn, document: decodePolicyDocument(version.PolicyVersion?.Document)});
    }
    return documents;
  }

  /** After a failed AttachRolePolicy: deletes the role just created, and says what happened either way. */
  async function undoCreatedRole(name: string, policyArn: string, cause: unknown): Promise<AwsError> {
    const reason = (cause as Error).message;
    const base = cause instanceof AwsError ? {kind: cause.kind, awsName: cause.awsName} : {kind: 'other' as const, awsName: 'AttachRolePolicy'};
    try {
      await call('DeleteRole', () => client.send(new sdk.DeleteRoleCommand({RoleName: name})));
    } catch (deleteError) {
      return new AwsError(
        `created the IAM role ${name} but could not attach ${policyArn} (${reason}), and removing the role failed too (${(deleteError as Error).message}): it is left without its policy`,
        {...base, cause, hint: `delete it (aws iam delete-role --role-name ${name}) or attach the policy yourself, then try again`},
      );
    }
    return new AwsError(`could not attach ${policyArn} to the new IAM role ${name} (${reason}); the role was removed again, so nothing changed in IAM`, {
      ...base,
      cause,
      ...(cause instanceof AwsError && cause.hint !== undefined ? {hint: cause.hint} : {}),
    });
  }

  return {
    getRole,

    async rolePolicyDocuments(roleNameOrArn) {
      const roleName = roleNameOf(roleNameOrArn);
      try {
        return [...(await inlinePolicies(roleName)), ...(await managedPolicies(roleName))];
      } catch (error) {
        if (isNotFound(error) && (error as AwsError).awsName === 'NoSuchEntityException' && (await getRole(roleName)) === undefined) return [];
        throw error;
      }
    },

    async listRoles(options = {}) {
      const roles: IamRole[] = [];
      let marker: string | undefined;
      do {
        const page = await call('ListRoles', () => client.send(new sdk.ListRolesCommand({Marker: marker})));
        roles.push(...(page.Roles ?? []).map(roleOf));
        marker = page.IsTruncated === true ? page.Marker : undefined;
      } while (marker !== undefined);
      return options.trustingEcsTasks === true ? roles.filter((role) => role.trustsEcsTasks) : roles;
    },

    async createExecutionRole(name, options = {}) {
      const created = await call('CreateRole', () =>
        client.send(
          new sdk.CreateRoleCommand({
            RoleName: name,
            AssumeRolePolicyDocument: JSON.stringify(options.trustPolicy ?? executionRoleTrustPolicy()),
            Description: options.description ?? 'ECS task execution role (created by ecs-wizard)',
          }),
        ),
      );
      const policyArn = options.managedPolicyArn ?? ECS_TASK_EXECUTION_ROLE_POLICY_ARN;
      try {
        await call('AttachRolePolicy', () => client.send(new sdk.AttachRolePolicyCommand({RoleName: name, PolicyArn: policyArn})));
      } catch (error) {
        // Both or neither: a role without its policy would pass for an execution role and fail every pull.
        throw await undoCreatedRole(name, policyArn, error);
      }
      return created.Role === undefined
        ? ((await getRole(name)) ?? {arn: '', name, trustsEcsTasks: true, trustPolicy: executionRoleTrustPolicy()})
        : roleOf(created.Role);
    },

    async putRolePolicy(roleNameOrArn, policyName, document) {
      await call('PutRolePolicy', () =>
        client.send(new sdk.PutRolePolicyCommand({RoleName: roleNameOf(roleNameOrArn), PolicyName: policyName, PolicyDocument: JSON.stringify(document)})),
      );
    },

    async simulatePrincipalPolicy(roleArn, actions, resources): Promise<SimulationResult> {
      if (actions.length === 0) return 'allowed';
      try {
        let marker: string | undefined;
        let decisions = 0;
        do {
          const page = await client.send(
            new sdk.SimulatePrincipalPolicyCommand({
              PolicySourceArn: roleArn,
              ActionNames: actions,
              ResourceArns: resources.length === 0 ? undefined : resources,
              Marker: marker,
            }),
          );
          for (const result of page.EvaluationResults ?? []) {
            decisions += 1;
            if (result.EvalDecision !== 'allowed') return 'denied';
          }
          marker = page.IsTruncated === true ? page.Marker : undefined;
        } while (marker !== undefined);
        return decisions === 0 ? 'unavailable' : 'allowed';
      } catch {
        // Not implemented (moto), not allowed to simulate, unreachable: the caller falls back to reading the documents.
        return 'unavailable';
      }
    },
  };
}
