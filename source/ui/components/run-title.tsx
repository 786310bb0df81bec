/**
 * The first lines a deploy screen prints (once, into Ink's Static part): the program and the run's title, and under
 * them, for a run against the rollout simulator, the banner that says nothing in AWS is changed. One deploy screen
 * and the whole-application deploy screen print the same.
 */
import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';

export interface RunSimulation {
  scenario: string;
  speed: number;
}

export function RunTitle(props: {title: string; simulation?: RunSimulation | undefined}) {
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text>
        <Text bold color="cyan">
          ecs-wizard
        </Text>
        <Text>
          {' · '}
          {props.title}
        </Text>
      </Text>
      {props.simulation ? (
        <Text color="black" backgroundColor="yellow">
          {` SIMULATED · scenario ${props.simulation.scenario}${props.simulation.speed === 1 ? '' : ` · ${props.simulation.speed}× speed`} · no AWS account, nothing is changed in AWS `}
        </Text>
      ) : null}
    </Box>
  );
}
