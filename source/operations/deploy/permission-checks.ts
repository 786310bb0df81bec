/**
 * What the execution role may do, as the pre-flight checks ask it: IAM's policy simulator decides when it answers;
 * otherwise (moto, no iam:SimulatePrincipalPolicy) the role's inline and attached (managed) policy documents are
 * evaluated (domain/iam-policy.ts `evaluatePolicies`).
 *
 * - registry-credentials / secret NAME: the secret exists and the role may secretsmanager:GetSecretValue it (and
 *   kms:Decrypt its customer key).
 */
import type {CheckStatus} from '../../domain/deploy/events.js';
import {evaluatePolicies, roleNameOf, type PolicyDecision} from '../../domain/iam-policy.js';
import {privateRegistryPolicy} from '../../domain/policy.js';
import type {CheckPorts} from '../../ports/deploy.js';
import type {IamPort, RolePolicyDocument} from '../../ports/iam.js';
import {guarded, type CheckResult} from './check-result.js';
import type {DeployPlan} from './plan.js';
import {secretReferences, str} from './rendered-task.js';

interface PermissionAnswer {
  decision: PolicyDecision;
  /** How it was decided, for the message. */
  how: string;
}

/** May `roleArn` perform `action` on `resource`? IAM's simulator when it answers, else the role's documents. */
export async function permission(
  iam: IamPort,
  roleArn: string,
  action: string,
  resource: string,
  documents: () => Promise<RolePolicyDocument[]>,
): Promise<PermissionAnswer> {
  const simulated = await iam.simulatePrincipalPolicy(roleArn, [action], [resource]);
  if (simulated === 'allowed') return {decision: 'allowed', how: 'IAM policy simulator'};
  if (simulated === 'denied') return {decision: 'not-allowed', how: 'IAM policy simulator'};
  const evaluation = evaluatePolicies(
    (await documents()).map((policy) => ({name: policy.name, document: policy.document})),
    action,
    resource,
  );
  const how = evaluation.policies.length > 0 ? `the role's policies: ${evaluation.policies.join(', ')}` : "the role's inline and attached policies";
  return {decision: evaluation.decision, how};
}

/** The KMS key ARN of a secret's customer key (DescribeSecret gives an ID, alias or ARN). */
function kmsKeyArn(kmsKeyId: string, secretArn: string, profileKeyArn: string | undefined): string | undefined {
  if (kmsKeyId.startsWith('arn:')) return kmsKeyId;
  if (profileKeyArn !== undefined && profileKeyArn.endsWith(`/${kmsKeyId}`)) return profileKeyArn;
  if (kmsKeyId.startsWith('alias/')) return profileKeyArn;
  const [, partition, , region, account] = secretArn.split(':');
  return partition && region && account ? `arn:${partition}:kms:${region}:${account}:key/${kmsKeyId}` : profileKeyArn;
}

export async function secretChecks(ports: CheckPorts, plan: DeployPlan, executionRoleMissing: boolean): Promise<CheckResult[]> {
  const references = secretReferences(plan.taskDefinition);
  if (references.length === 0) return [];
  const results: CheckResult[] = [];
  const roleArn = str(plan.taskDefinition['executionRoleArn']);
  let documents: Promise<RolePolicyDocument[]> | undefined;
  const roleDocuments = (): Promise<RolePolicyDocument[]> => (documents ??= ports.iam.rolePolicyDocuments(roleArn!));
  for (const reference of references) {
    const name = reference.kind === 'registry-credentials' ? 'registry-credentials' : `secret ${reference.name ?? reference.arn}`;
    results.push(
      ...(await guarded(name, `secret ${reference.arn}`, async () => {
        const secret = await ports.secrets.describeSecret(reference.arn);
        if (secret === undefined) {
          return {
            name,
            status: 'fail',
            message: `the secret ${reference.arn} (${reference.kind === 'registry-credentials' ? `registry credentials of container ${reference.container}` : `secret of container ${reference.container}`}) does not exist`,
            hint:
              reference.kind === 'registry-credentials'
                ? 'create it in Secrets Manager as {"username": "…", "password": "…"} in the same region, or fix the ARN'
                : 'create it in Secrets Manager, or fix valueFrom',
          };
        }
        if (secret.deletedAt !== undefined) {
          return {
            name,
            status: 'fail',
            message: `the secret ${secret.name} is scheduled for deletion (${secret.deletedAt})`,
            hint: `restore it: aws secretsmanager restore-secret --secret-id ${secret.arn}`,
          };
        }
        if (roleArn === undefined) {
          return {
            name,
            status: 'fail',
            message: `the task reads secret ${secret.name} but has no execution role`,
            hint: "set the environment's execution role (executionRoleArn)",
          };
        }
        const role = roleNameOf(roleArn);
        if (executionRoleMissing)
          return {name, status: 'warn', message: `${secret.name} exists; who may read it is not checked: the execution role ${role} does not exist`};
        const read = await permission(ports.iam, roleArn, 'secretsmanager:GetSecretValue', secret.arn, roleDocuments);
        const policyHint = (): string => {
          const policy = privateRegistryPolicy({
            credentialsSecretArn: secret.arn,
            ...(secret.kmsKeyId === undefined
              ? {}
              : {kmsKeyArn: kmsKeyArn(secret.kmsKeyId, secret.arn, plan.profile.service.registryAuth?.kmsKeyArn) ?? secret.kmsKeyId}),
          });
          return `add an inline policy to ${role}: aws iam put-role-policy --role-name ${role} --policy-name ecs-wizard-private-registry --policy-document '${JSON.stringify(policy)}'`;
        };
        if (read.decision === 'denied')
          return {
            name,
            status: 'fail',
            message: `${role} is explicitly denied secretsmanager:GetSecretValue on ${secret.name} (${read.how})`,
            hint: 'remove the Deny statement, or use another execution role',
          };
        if (read.decision === 'not-allowed') {
          return {
            name,
            status: 'fail',
            message: `${role} may not read ${secret.name}: no policy allows secretsmanager:GetSecretValue on ${secret.arn} (${read.how})`,
            hint: policyHint(),
          };
        }
        const notes: string[] = [];
        let status: CheckStatus = read.decision === 'conditional' ? 'warn' : 'ok';
        if (read.decision === 'conditional') notes.push(`a condition decides whether ${role} may read it (${read.how})`);
        if (secret.kmsKeyId !== undefined) {
          const keyArn = kmsKeyArn(secret.kmsKeyId, secret.arn, plan.profile.service.registryAuth?.kmsKeyArn);
          if (keyArn === undefined) {
            status = 'warn';
            notes.push(`its customer KMS key ${secret.kmsKeyId} could not be resolved to an ARN: kms:Decrypt not checked`);
          } else {
            const decrypt = await permission(ports.iam, roleArn, 'kms:Decrypt', keyArn, roleDocuments);
            if (decrypt.decision === 'denied' || decrypt.decision === 'not-allowed') {
              return {
                name,
                status: 'fail',
                message: `${role} may not decrypt ${secret.name}: no policy allows kms:Decrypt on ${keyArn} (${decrypt.how})`,
                hint: policyHint(),
              };
            }
            if (decrypt.decision === 'conditional') {
              status = 'warn';
              notes.push(`a condition decides kms:Decrypt on ${keyArn}`);
            }
          }
        }
        if (status === 'warn')
          return {
            name,
            status,
            message: `${secret.name} exists; ${notes.join('; ')}`,
            hint: 'make sure the condition holds for ECS tasks, or allow it without one',
          };
        return {
          name,
          status: 'ok',
          message: `${secret.name} exists and ${role} may read it${secret.kmsKeyId === undefined ? '' : ' and decrypt it'} (${read.how})`,
        };
      })),
    );
  }
  return results;
}
