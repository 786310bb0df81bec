/**
 * What the execution role may do, as the pre-flight checks ask it: IAM's policy simulator decides when it answers;
 * otherwise (moto, no iam:SimulatePrincipalPolicy) the role's inline and attached (managed) policy documents are
 * evaluated (domain/iam-policy.ts `evaluatePolicies`).
 *
 * - registry-credentials / secret NAME: the secret exists and the role may secretsmanager:GetSecretValue it (and
 *   kms:Decrypt its customer key);
 * - ecr-pull: for images in ECR, ecr:GetAuthorizationToken (on `*`) and ecr:BatchGetImage,
 *   ecr:GetDownloadUrlForLayer on each repository;
 * - log-write: for each awslogs group, logs:CreateLogStream and logs:PutLogEvents on its streams.
 * A missing permission fails naming the action and the resource, and the hint is the statement to add (or the
 * managed AmazonECSTaskExecutionRolePolicy, which grants both and counts like any attached policy).
 */
import type {CheckStatus} from '../../domain/deploy/events.js';
import {evaluatePolicies, roleNameOf, type PolicyDecision} from '../../domain/iam-policy.js';
import {ECS_TASK_EXECUTION_ROLE_POLICY_ARN, privateRegistryPolicy} from '../../domain/policy.js';
import type {CheckPorts} from '../../ports/deploy.js';
import type {IamPort, RolePolicyDocument} from '../../ports/iam.js';
import {guarded, type CheckResult} from './check-result.js';
import type {DeployPlan} from './plan.js';
import {awslogsGroups, ecrRepositories, secretReferences, str} from './rendered-task.js';

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

// ---------------------------------------------------------------------------------------------------------------
// Pulling from ECR and writing logs: what AmazonECSTaskExecutionRolePolicy grants, checked only where the task needs it

/** The managed policy that grants both (pull from ECR, write logs). */
const MANAGED_POLICY_HINT = `or attach ${ECS_TASK_EXECUTION_ROLE_POLICY_ARN} (aws iam attach-role-policy --role-name ROLE --policy-arn ${ECS_TASK_EXECUTION_ROLE_POLICY_ARN})`;

/** ECR's pull: a token for the registry (on `*`: GetAuthorizationToken has no resource), then the image's layers. */
const ECR_TOKEN_ACTION = 'ecr:GetAuthorizationToken';
const ECR_PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
/** The awslogs driver creates its stream, then writes to it. */
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/** The shape of an ECS task id, for a log stream ARN the policies are matched against. */
const SAMPLE_TASK_ID = '0123456789abcdef0123456789abcdef';

interface Requirement {
  action: string;
  resource: string;
}

/** The statement that grants what is missing, and how to add it. */
function fixHint(role: string, policyName: string, statements: Array<{actions: string[]; resource: string}>): string {
  const document = {
    Version: '2012-10-17',
    Statement: statements.map(({actions, resource}) => ({Effect: 'Allow', Action: actions, Resource: resource})),
  };
  const statementText = document.Statement.map((statement) => JSON.stringify(statement)).join(' and ');
  return (
    `add to ${role} the statement ${statementText}: aws iam put-role-policy --role-name ${role} --policy-name ${policyName} --policy-document '${JSON.stringify(document)}' ` +
    MANAGED_POLICY_HINT.replace('ROLE', role)
  );
}

/**
 * Each requirement decided (simulator or documents); the check fails naming every action and resource that no
 * policy allows (or that a Deny refuses), warns when a Condition decides, and is ok otherwise.
 */
async function requirementsCheck(
  ports: CheckPorts,
  roleArn: string,
  name: string,
  what: string,
  requirements: readonly Requirement[],
  fix: () => string,
  documents: () => Promise<RolePolicyDocument[]>,
): Promise<CheckResult> {
  const role = roleNameOf(roleArn);
  const answers: Array<Requirement & PermissionAnswer> = [];
  for (const requirement of requirements)
    answers.push({...requirement, ...(await permission(ports.iam, roleArn, requirement.action, requirement.resource, documents))});
  const listed = (items: typeof answers): string => items.map((item) => `${item.action} on ${item.resource}`).join(', ');
  /** How the named answers were decided (the simulator, or which policies). */
  const how = (items: typeof answers): string => [...new Set(items.map((item) => item.how))].join('; ');
  const denied = answers.filter((answer) => answer.decision === 'denied');
  if (denied.length > 0)
    return {
      name,
      status: 'fail',
      message: `${role} may not ${what}: a Deny refuses ${listed(denied)} (${how(denied)})`,
      hint: 'remove the Deny statement, or use another execution role',
    };
  const missing = answers.filter((answer) => answer.decision === 'not-allowed');
  if (missing.length > 0) return {name, status: 'fail', message: `${role} may not ${what}: no policy allows ${listed(missing)} (${how(missing)})`, hint: fix()};
  const conditional = answers.filter((answer) => answer.decision === 'conditional');
  if (conditional.length > 0)
    return {
      name,
      status: 'warn',
      message: `a condition decides whether ${role} may ${what}: ${listed(conditional)} (${how(conditional)})`,
      hint: 'make sure the condition holds for ECS tasks, or allow it without one',
    };
  return {
    name,
    status: 'ok',
    message: `${role} may ${what}: ${[...new Set(requirements.map((requirement) => requirement.action))].join(', ')} (${how(answers)})`,
  };
}

/**
 * The execution role may pull the task's ECR images (ecr:GetAuthorizationToken on `*`, ecr:BatchGetImage and
 * ecr:GetDownloadUrlForLayer on each repository) and write its awslogs logs (logs:CreateLogStream and
 * logs:PutLogEvents on a stream of each group: PREFIX/CONTAINER/TASK_ID). Only where the task needs it: no ECR image,
 * no ECR check; no awslogs, no logs check. Without an execution role (EC2: the instance role pulls) or when the role
 * does not exist (its own check fails), nothing is checked here.
 */
export async function executionRoleChecks(ports: CheckPorts, plan: DeployPlan, executionRoleMissing: boolean): Promise<CheckResult[]> {
  const roleArn = str(plan.taskDefinition['executionRoleArn']);
  if (roleArn === undefined || executionRoleMissing) return [];
  const role = roleNameOf(roleArn);
  const [, partition = 'aws', , , account = ''] = roleArn.split(':');
  let documents: Promise<RolePolicyDocument[]> | undefined;
  const roleDocuments = (): Promise<RolePolicyDocument[]> => (documents ??= ports.iam.rolePolicyDocuments(roleArn));
  const results: CheckResult[] = [];
  const repositories = ecrRepositories(plan.taskDefinition);
  if (repositories.length > 0) {
    const requirements: Requirement[] = [
      {action: ECR_TOKEN_ACTION, resource: '*'},
      ...repositories.flatMap((repository) => ECR_PULL_ACTIONS.map((action) => ({action, resource: repository.arn}))),
    ];
    const what = `pull from ECR (${repositories.map((repository) => repository.name).join(', ')})`;
    results.push(
      ...(await guarded('ecr-pull', `what ${role} may do in ECR`, () =>
        requirementsCheck(
          ports,
          roleArn,
          'ecr-pull',
          what,
          requirements,
          () =>
            fixHint(role, 'ecs-wizard-ecr-pull', [
              {actions: [ECR_TOKEN_ACTION], resource: '*'},
              ...repositories.map((repository) => ({actions: ECR_PULL_ACTIONS, resource: repository.arn})),
            ]),
          roleDocuments,
        ),
      )),
    );
  }
  for (const group of awslogsGroups(plan.taskDefinition, plan.region)) {
    const groupArn = `arn:${partition}:logs:${group.region}:${account}:log-group:${group.group}`;
    const stream = `${group.streamPrefix === undefined ? '' : `${group.streamPrefix}/${group.container}/`}${SAMPLE_TASK_ID}`;
    const requirements = LOG_ACTIONS.map((action) => ({action, resource: `${groupArn}:log-stream:${stream}`}));
    results.push(
      ...(await guarded('log-write', `what ${role} may do in CloudWatch Logs`, () =>
        requirementsCheck(
          ports,
          roleArn,
          'log-write',
          `write to log group ${group.group}`,
          requirements,
          () => fixHint(role, 'ecs-wizard-logs', [{actions: LOG_ACTIONS, resource: `${groupArn}:*`}]),
          roleDocuments,
        ),
      )),
    );
  }
  return results;
}
