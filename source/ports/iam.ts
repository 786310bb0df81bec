import type {JsonObject} from '../domain/json.js';

/**
 * AWS IAM as the pre-flight checks and the setup wizard see it: the task execution role, what it trusts and
 * which policy documents it carries. Implemented by adapters/aws/iam.ts; tests use fakes.
 *
 * Errors: every method throws AwsError (source/errors.ts) with a `kind`; "does not exist" is not an error where
 * a method says it returns undefined.
 */
export interface IamRole {
  arn: string;
  name: string;
  /** True when the trust policy lets `ecs-tasks.amazonaws.com` call sts:AssumeRole (an Allow statement). */
  trustsEcsTasks: boolean;
  /** The assume-role (trust) policy, URL-decoded JSON ({} when the role has none). */
  trustPolicy: JsonObject;
  path?: string;
  /** ISO-8601. */
  createdAt?: string;
}

export interface RolePolicyDocument {
  /** `inline`: a role policy (GetRolePolicy); `managed`: an attached policy (its default version). */
  source: 'inline' | 'managed';
  name: string;
  /** The managed policy's ARN (absent for inline policies). */
  arn?: string;
  /** The policy document, URL-decoded JSON. */
  document: JsonObject;
}

/**
 * The answer of the IAM policy simulator: `unavailable` when it cannot be asked (not implemented, as on moto,
 * or not allowed to call iam:SimulatePrincipalPolicy) — never an error.
 */
export type SimulationResult = 'allowed' | 'denied' | 'unavailable';

export interface IamPort {
  /** A role by name or ARN (`arn:aws:iam::123456789012:role/path/name`); undefined when there is none. */
  getRole(nameOrArn: string): Promise<IamRole | undefined>;
  /**
   * Every policy document of a role (name or ARN): inline policies first (ListRolePolicies + GetRolePolicy),
   * then attached managed ones (ListAttachedRolePolicies + GetPolicy + GetPolicyVersion of the default version).
   * Empty when the role does not exist.
   */
  rolePolicyDocuments(roleNameOrArn: string): Promise<RolePolicyDocument[]>;
  /** All roles (every page); `trustingEcsTasks: true` keeps only those ECS tasks can assume. */
  listRoles(options?: {trustingEcsTasks?: boolean}): Promise<IamRole[]>;
  /**
   * Creates a role trusting ecs-tasks.amazonaws.com and attaches `managedPolicyArn`
   * (default: arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy); `trustPolicy` replaces the
   * trust policy (the load balancer traffic role trusts ecs.amazonaws.com itself). Both or neither: when the
   * policy cannot be attached the role is deleted again, and the error says whether that worked.
   */
  createExecutionRole(name: string, options?: {managedPolicyArn?: string; description?: string; trustPolicy?: JsonObject}): Promise<IamRole>;
  /** PutRolePolicy: creates or replaces the inline policy `policyName` of the role (name or ARN). */
  putRolePolicy(roleNameOrArn: string, policyName: string, document: JsonObject): Promise<void>;
  /**
   * iam:SimulatePrincipalPolicy: `allowed` when every action is allowed on every resource, `denied` when one is
   * not, `unavailable` when the simulator cannot be used (moto, no permission, unreachable) — never throws.
   */
  simulatePrincipalPolicy(roleArn: string, actions: string[], resources: string[]): Promise<SimulationResult>;
}
