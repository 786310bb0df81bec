/**
 * The live traffic view of a BLUE_GREEN, LINEAR or CANARY deployment on the deploy screen: the stage path (scale up →
 * test traffic → production traffic → bake → clean up) with ECS's own stage name, the production split as a bar that
 * moves with each step (old ▒ on the left, new █ on the right), the traffic steps still to come, the time left in the current bake, the hooks'
 * answers and the alarms. Everything comes from the DeployView (ECS's record, domain/deploy/traffic.ts).
 */
import React from 'react';
import {Box} from 'ink';
import {STAGE_PATH, STAGE_TEXT, splitText, timeLeft, type TrafficView} from '../../domain/deploy/traffic.js';
import {Text} from './text.js';

const HOOK_COLOR: Readonly<Record<string, string>> = {SUCCEEDED: 'green', FAILED: 'red', TIMED_OUT: 'red', IN_PROGRESS: 'yellow'};

export function TrafficPanel(props: {traffic: TrafficView; now: number; width: number; finished: boolean}) {
  const {traffic} = props;
  const at = STAGE_PATH.findIndex((part) => traffic.lifecycleStage !== undefined && part.stages.includes(traffic.lifecycleStage));
  const barWidth = Math.max(10, Math.min(40, props.width - 50));
  const newCells = Math.round((traffic.productionPercent / 100) * barWidth);
  const next = traffic.steps.find((step) => step > traffic.productionPercent);
  const lambda = (arn: string): string => arn.slice(arn.lastIndexOf(':') + 1);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>
        <Text bold>{traffic.strategy}</Text>
        {'  '}
        {STAGE_PATH.map((part, index) => (
          <Text key={part.label} {...(index === at ? {color: 'cyan', bold: true} : index < at ? {dimColor: false} : {dimColor: true})}>
            {index > 0 ? ' → ' : ''}
            {index < at ? '✓ ' : index === at ? '▶ ' : ''}
            {part.label}
          </Text>
        ))}
      </Text>
      {traffic.lifecycleStage === undefined ? null : (
        <Text dimColor>
          {'ECS stage '}
          {traffic.lifecycleStage}
          {': '}
          {STAGE_TEXT[traffic.lifecycleStage] ?? ''}
        </Text>
      )}
      <Text>
        {'production  old '}
        <Text color="blue">{'▒'.repeat(barWidth - newCells)}</Text>
        <Text color="green">{'█'.repeat(newCells)}</Text>
        {' new  '}
        {splitText(traffic)}
      </Text>
      {traffic.testPercent === undefined ? null : (
        <Text dimColor>
          {'test traffic on the new revision: '}
          {traffic.testPercent}%{next === undefined || props.finished ? '' : ` · next production step: ${next}%`}
        </Text>
      )}
      {traffic.bake === undefined || props.finished ? null : (
        <Text color="yellow">
          {traffic.bake.kind === 'step' ? 'step bake' : 'bake time'}
          {': '}
          {timeLeft(traffic.bake.endsAt, props.now)}
          {' left of '}
          {traffic.bake.minutes} min
          {traffic.bake.kind === 'step' ? ` at ${traffic.productionPercent}%` : ' (both revisions running)'}
        </Text>
      )}
      {traffic.hooks.map((hook, index) => (
        <Text key={`${hook.targetArn}-${hook.stage ?? ''}-${index}`} color={HOOK_COLOR[hook.status]}>
          {'hook '}
          {lambda(hook.targetArn)}
          {hook.stage === undefined ? '' : ` at ${hook.stage}`}
          {': '}
          {hook.status}
        </Text>
      ))}
      {traffic.alarms === undefined ? null : (
        <Text color={traffic.alarms.triggered.length > 0 ? 'red' : undefined}>
          {'alarms: '}
          {traffic.alarms.triggered.length > 0
            ? `${traffic.alarms.triggered.join(', ')} in ALARM`
            : `${traffic.alarms.names.join(', ')} — ${traffic.alarms.status}`}
        </Text>
      )}
    </Box>
  );
}
