/**
 * `ecs-wizard render PROFILE …` — no AWS: prints one JSON object {"taskDefinition": <RegisterTaskDefinition input>,
 * "service": <CreateService input>} exactly as a deploy sends them (the service's taskDefinition is the family: a
 * deploy sends the revision it registers). Warnings go to stderr; a profile that does not render exits 2. The task
 * definition does not depend on the environment's network: without subnets and security groups it is still printed,
 * and what the service lacks is a warning (with --json also `serviceIncomplete` in the object); verify and deploy
 * refuse it.
 */
import {EXIT} from '../errors.js';
import {issueLines, renderDeployInputs} from '../operations/deploy/deploy-inputs.js';
import {profileAndEnvironment} from '../operations/deploy/setup.js';
import {createStyle} from '../report/style.js';
import {parseDeployOptions} from './deploy-options.js';
import type {CommandContext} from './spec.js';

export async function run(context: CommandContext): Promise<number> {
  const options = parseDeployOptions(context.options);
  const {profile, environment} = await profileAndEnvironment(context.root, context.positionals[0]!, options.env);
  const inputs = renderDeployInputs({
    profile,
    environment,
    ...(options.tag === undefined ? {} : {tag: options.tag}),
    overrides: options.overrides,
    allowIncompleteService: true,
  });
  const incomplete = inputs.serviceIncomplete.map((issue) => ({path: issue.path, message: issue.message, ...(issue.fix ? {fix: issue.fix} : {})}));
  const document = {
    taskDefinition: inputs.taskDefinition,
    service: inputs.service,
    ...(context.globals.json && incomplete.length > 0 ? {serviceIncomplete: incomplete} : {}),
  };
  context.io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  const warnings = [
    ...inputs.serviceIncomplete.map((issue) => ({
      ...issue,
      severity: 'warning' as const,
      message: `the service cannot be created yet: ${issue.message} (the task definition above is complete; verify and deploy refuse the service)`,
    })),
    ...inputs.issues.filter((issue) => issue.severity === 'warning'),
    // With auto scaling, what the printed desiredCount is: sent when the service is created, never on an update.
    ...inputs.issues.filter((issue) => issue.code === 'desired-count-auto-scaling'),
  ];
  if (warnings.length > 0) {
    const style = createStyle(context.globals.color && Boolean((context.io.stderr as {isTTY?: boolean}).isTTY));
    context.io.stderr.write(
      `${issueLines(warnings)
        .map((line) => (line.startsWith('info: ') ? line : style.yellow(line)))
        .join('\n')}\n`,
    );
  }
  return EXIT.ok;
}
