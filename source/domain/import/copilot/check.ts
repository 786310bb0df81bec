/**
 * Every profile of a migration goes through the project's validator (domain/render-and-validate.ts, what every door
 * runs), in each of its environments. A value that is not known yet (the execution role, a secret's ARN, the tag of a
 * built image: unresolved placeholders and config variables) is not an error of the migration: the environment
 * "does not render until" it is set, said so. Any other error refuses the migration (nothing is saved).
 */
import type {Issue} from '../../issues.js';
import {renderAndValidate} from '../../render-and-validate.js';
import type {CopilotMigration, CopilotServicePlan} from './build.js';

/** Issues that only say a value is not known yet: a placeholder or variable without a value, the awsvpc network (its subnets and security group are the environment stack's outputs). */
const NOT_KNOWN_YET = new Set(['unresolved-placeholder', 'unresolved-variable', 'awsvpc-network']);

const READABLE: Record<string, string> = {
  '${EXECUTION_ROLE}': 'the execution role',
  '${DOCKER_IMAGE_NAME}': 'the tag (--tag)',
  network: 'the subnets and security groups',
  'network.subnets': 'the subnets',
  'network.securityGroups': 'the security groups',
};

export interface EnvironmentCheck {
  environment: string;
  /** The placeholders and variables still without a value (`${EXECUTION_ROLE}`, `secret_DB_PASSWORD`). */
  missing: string[];
  /** Validator errors (the migration is refused when there is one). */
  errors: Issue[];
}

/** The checks of one service's profile, one per environment (none for a service that is not migrated). */
export function checkServicePlan(plan: CopilotServicePlan): EnvironmentCheck[] {
  const profile = plan.profile;
  if (profile === undefined) return [];
  return profile.environments.map((environment) => {
    const tag = plan.runningTags[environment.name] ?? profile.service.artifact.tag;
    const result = renderAndValidate({profile, environment: environment.name, ...(tag === undefined ? {} : {tag})});
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    const missing = [
      ...new Set(
        errors
          .filter((issue) => NOT_KNOWN_YET.has(issue.code))
          .map((issue) => (issue.code === 'awsvpc-network' ? issue.path : (/(\$\{[^}]+\})/.exec(issue.message)?.[1] ?? issue.path)))
          .map((text) => READABLE[text] ?? text.replace(/^\$\{serviceVariable\.(.+)\}$/, '$1')),
      ),
    ];
    return {environment: environment.name, missing, errors: errors.filter((issue) => !NOT_KNOWN_YET.has(issue.code))};
  });
}

/** Every service's checks. */
export function checkMigration(migration: CopilotMigration): Record<string, EnvironmentCheck[]> {
  return Object.fromEntries(migration.services.map((plan) => [plan.name, checkServicePlan(plan)]));
}
