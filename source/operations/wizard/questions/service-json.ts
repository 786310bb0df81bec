/**
 * 5. The service specification: the default for the strategy, or the person's JSON — edited, or imported from
 * describe-services output (its view: ui/wizard/views/service-json.tsx; the flag: --service-spec FILE).
 */
import type {Issue} from '../../../domain/issues.js';
import type {WizardAnswers} from '../../../domain/wizard-answers.js';
import {importService} from '../../../domain/import/service.js';
import {lintSpecText} from '../../../domain/spec-lint.js';
import {readDiscovery} from '../discovery.js';
import {patchEnvironment, type EditorCheck, type Question, type Submission} from '../question.js';
import {readStrategy, specHasNetworkConfiguration} from '../service-spec.js';
import {DAEMON_TAKES_NO_COUNT} from './desired-count.js';

export type ImportedService = ReturnType<typeof importService>;

/** describe-services output rather than a service specification. */
export const looksLikeDescribeServices = (text: string): boolean => /"serviceArn"|^\s*\{\s*"services"\s*:/.test(text);

/** A text back from the editor, imported when it is describe-services output, then checked. `remember` keeps what an import gave. */
export function checkServiceSpec(
  answers: WizardAnswers,
  text: string,
  start: string,
  remember: (spec: string, imported: ImportedService) => void,
): EditorCheck {
  let spec = text;
  const notes: string[] = [];
  const issues: Issue[] = [];
  if (start === 'import' || looksLikeDescribeServices(text)) {
    const result = importService(text);
    if (!result.ok) return {text, issues: result.issues, notes};
    spec = result.serviceSpecJson;
    remember(spec, result);
    if (result.replacements.length > 0)
      notes.push(`Moved to the environment: ${result.replacements.map((replacement) => `${replacement.path} → ${replacement.to}`).join('; ')}`);
    issues.push(...result.issues.filter((issue) => issue.severity !== 'info'));
  }
  issues.push(...lintSpecText(spec, 'serviceSpec'));
  const read = readStrategy(spec);
  if (read.strategy === 'DAEMON' && answers.launchType === 'FARGATE') {
    issues.push({
      code: 'daemon-fargate',
      severity: 'error',
      source: 'serviceSpec',
      path: 'schedulingStrategy',
      message: 'The DAEMON scheduling strategy is not supported on Fargate',
      fix: 'Write "schedulingStrategy": "REPLICA"',
    });
  }
  if (specHasNetworkConfiguration(spec)) {
    issues.push({
      code: 'service-network-config',
      severity: 'warning',
      source: 'serviceSpec',
      path: 'networkConfiguration',
      message: "networkConfiguration is replaced at deploy time by the environment's network settings",
      fix: 'Remove it, and set subnets and security groups in the environment',
    });
  }
  return {text: spec, issues, notes, summary: `${read.strategy ?? 'REPLICA'}${read.desiredCount === undefined ? '' : `, desired count ${read.desiredCount}`}`};
}

/**
 * The answers with an accepted service specification: its strategy, desired count and service registry are
 * read back, and an imported service's region, cluster and network fill the first environment.
 */
export function acceptServiceSpec(answers: WizardAnswers, checked: EditorCheck, start: string, imported: ImportedService | undefined): Submission {
  let next: WizardAnswers = {...answers, serviceSpecJson: checked.text};
  const read = readStrategy(checked.text);
  if (read.strategy) next.strategy = read.strategy;
  if (read.desiredCount !== undefined) next.desiredCount = read.desiredCount;
  else delete next.desiredCount;
  const choices: Record<string, string> = {'service-json': start === 'import' ? 'imported from describe-services' : 'edited'};
  const discovery = readDiscovery(checked.text);
  if (discovery && (answers.discovery === undefined || answers.discovery === null)) {
    next.discovery = discovery;
    choices.discovery = 'paste';
  }
  if (imported?.ok) {
    const first = next.environments?.[0] ?? {};
    const environment = imported.environment;
    next = patchEnvironment(next, 0, {
      ...(first.region === undefined && environment.region ? {region: environment.region} : {}),
      ...(first.cluster === undefined && environment.cluster ? {cluster: environment.cluster} : {}),
      ...(first.subnets === undefined && environment.network
        ? {subnets: environment.network.subnets, securityGroups: environment.network.securityGroups, assignPublicIp: environment.network.assignPublicIp}
        : {}),
    });
    if (next.environments?.[0] && Object.keys(next.environments[0]).length === 0) next = {...next, environments: []};
  }
  return {answers: next, choices, ...(checked.notes.length > 0 ? {notice: checked.notes.join(' ')} : {})};
}

export const serviceJson: Question = {
  id: 'service-json',
  section: 4,
  label: 'Service JSON',
  summary: (ctx) => ctx.choices['service-json'] ?? (ctx.answers.serviceSpecJson === undefined ? 'the default' : 'your JSON'),
  help: [
    'The service specification takes any parameter of `aws ecs create-service`. By default it uses the REPLICA strategy: {"placementConstraints": [], "placementStrategy": [], "healthCheckGracePeriodSeconds": null, "schedulingStrategy": "REPLICA"}.',
    'To reuse an existing service, paste the output of `aws ecs describe-services --cluster NAME --services NAME`.',
    'Networking settings (networkConfiguration) in the specification are overwritten at deploy time by the network settings of the environment.',
  ],
  flags: [{name: 'service-spec', type: 'string', value: 'FILE', description: 'service specification JSON, or describe-services output', readsFile: true}],
  fields: {serviceSpec: '--service-spec'},
  fromFlags(draft) {
    const file = draft.file('service-spec');
    if (file !== undefined) {
      let text = file.text;
      if (looksLikeDescribeServices(text)) {
        const imported = importService(text);
        if (imported.ok) {
          text = imported.serviceSpecJson;
          if (imported.replacements.length > 0)
            draft.notes.push(
              `--service-spec: moved to the environment: ${imported.replacements.map((replacement) => replacement.path).join(', ')} (give them with --cluster, --subnets, --security-groups)`,
            );
        } else draft.issues(`--service-spec ${file.path}`, imported.issues);
      }
      draft.issues(`--service-spec ${file.path}`, lintSpecText(text, 'serviceSpec'));
      draft.answers = {...draft.answers, serviceSpecJson: text};
      draft.given['service-json'] = '--service-spec';
      // The file's strategy and desired count hold where --strategy / --desired-count did not give them.
      const read = readStrategy(text);
      const strategyFlag = draft.given.strategy === '--strategy';
      const countFlag = draft.given['desired-count'] === '--desired-count';
      if (read.strategy && !strategyFlag) draft.answers = {...draft.answers, strategy: read.strategy};
      if (countFlag && !strategyFlag && draft.answers.strategy === 'DAEMON') {
        draft.fail('--desired-count', DAEMON_TAKES_NO_COUNT);
        const {desiredCount: _dropped, ...rest} = draft.answers;
        draft.answers = rest;
        if (draft.interactive) delete draft.given['desired-count'];
        else draft.given['desired-count'] = 'the default';
      }
      if (read.desiredCount !== undefined && draft.given['desired-count'] !== '--desired-count')
        draft.answers = {...draft.answers, desiredCount: read.desiredCount};
      const discovery = readDiscovery(text);
      if (discovery && draft.value('registry-arn') === undefined) {
        draft.answers = {...draft.answers, discovery};
        draft.given.discovery = '--service-spec';
        draft.given['discovery-arn'] = '--service-spec';
        draft.choices.discovery = 'paste';
      }
    }
    if (!draft.interactive) draft.given['service-json'] ??= 'the default';
  },
};
