/**
 * The choice an import asks for when environment variables look like plaintext secrets: for each variable (its
 * value masked — never shown), move it to AWS Secrets Manager or keep it as plain text (it is not a secret); or
 * cancel the import. Used by `ecs-wizard import` in a terminal (ui/run-plaintext-secrets.tsx) and by the browser's
 * import screen. The work is operations/import-secrets.ts.
 */
import React, {useState} from 'react';
import {Box, useInput} from 'ink';
import type {PlaintextSecret} from '../../domain/import/plaintext-secrets.js';
import {mustMove, suspectNames, type SecretDecision} from '../../operations/import-secrets.js';
import {Text} from '../components/text.js';
import type {ScreenHelp} from '../components/help-overlay.js';
import {Footer} from '../components/frame.js';
import type {KeyHint} from '../keys.js';

export const plaintextSecretsHelp: ScreenHelp = {
  title: 'Plaintext secrets',
  text: [
    'These environment variables look like secrets written in plain text in the task definition. A profile never holds a secret, so each one either moves to AWS Secrets Manager or is declared not a secret.',
    'Moved variables go to one secret for the environment, a JSON key per variable; the task definition reads them as "secrets" (valueFrom) and the execution role needs secretsmanager:GetSecretValue on that secret (ecs-wizard prints the policy, or puts it with --apply-iam).',
    'Kept variables stay in the profile as plain text, recorded as not secrets. A value that is a credential by its shape (an AWS access key id, a private key, a token) can only move.',
  ],
  keys: [
    {keys: '↑↓', label: 'variable'},
    {keys: '←→/space', label: 'move or keep'},
    {keys: 'm / p', label: 'move / keep as plain text'},
    {keys: 'a', label: 'move all'},
    {keys: 'enter', label: 'import'},
    {keys: 'esc', label: 'cancel the import'},
  ],
};

export const PLAINTEXT_KEYS: KeyHint[] = [
  {keys: '↑↓', label: 'variable'},
  {keys: '←→/space', label: 'move or keep'},
  {keys: 'a', label: 'move all'},
  {keys: 'enter', label: 'import'},
  {keys: 'esc', label: 'cancel'},
];

export interface PlaintextSecretsProps {
  suspects: readonly PlaintextSecret[];
  /** Decisions already made (by flags); every other variable starts as "move". */
  initial?: ReadonlyMap<string, SecretDecision>;
  /** Where moved variables go, for the explanation: `ecs-wizard/wp/production`. */
  destination: string;
  active: boolean;
  /** Show the key hints (the browser's frame shows its own). */
  footer?: boolean;
  onDone: (decisions: Map<string, SecretDecision>) => void;
  onCancel: () => void;
}

const MOVE_LABEL = 'move to Secrets Manager';
const KEEP_LABEL = 'keep as plain text (not a secret)';

export function PlaintextSecrets(props: PlaintextSecretsProps) {
  const names = suspectNames(props.suspects);
  const [row, setRow] = useState(0);
  const [decisions, setDecisions] = useState<Map<string, SecretDecision>>(
    () => new Map(names.map((name) => [name, mustMove(props.suspects, name) === undefined ? (props.initial?.get(name) ?? 'move') : 'move'])),
  );
  const [notice, setNotice] = useState<string>();

  const decide = (name: string, decision: SecretDecision | 'toggle'): void => {
    const never = mustMove(props.suspects, name);
    const next = decision === 'toggle' ? (decisions.get(name) === 'move' ? 'keep' : 'move') : decision;
    if (next === 'keep' && never !== undefined) {
      setNotice(`${name} cannot stay plain text: its value looks like ${never}`);
      return;
    }
    setNotice(undefined);
    setDecisions(new Map(decisions).set(name, next));
  };

  useInput(
    (input, key) => {
      const name = names[row];
      if (key.escape) props.onCancel();
      else if (key.return) props.onDone(new Map(decisions));
      else if (key.upArrow || input === 'k') setRow(Math.max(0, row - 1));
      else if (key.downArrow || input === 'j') setRow(Math.min(names.length - 1, row + 1));
      else if (name === undefined) return;
      else if (key.leftArrow || key.rightArrow || input === ' ') decide(name, 'toggle');
      else if (input === 'm') decide(name, 'move');
      else if (input === 'p') decide(name, 'keep');
      else if (input === 'a') {
        setNotice(undefined);
        setDecisions(new Map(names.map((each) => [each, 'move'])));
      }
    },
    {isActive: props.active},
  );

  const width = Math.max(...names.map((name) => name.length), 8);
  const shownWidth = Math.max(...props.suspects.map((suspect) => suspect.shown.length));
  const moving = [...decisions.values()].filter((decision) => decision === 'move').length;
  return (
    <Box flexDirection="column">
      <Text>
        {names.length === 1 ? 'This environment variable looks' : `These ${names.length} environment variables look`}
        {' like secrets in plain text (values masked). Move to AWS Secrets Manager, or keep as plain text?'}
      </Text>
      <Box flexDirection="column" marginY={1}>
        {names.map((name, index) => {
          const here = props.suspects.filter((suspect) => suspect.name === name);
          const first = here[0]!;
          const decision = decisions.get(name) ?? 'move';
          const selected = index === row;
          return (
            <Box key={name} flexDirection="column">
              <Text>
                <Text color={selected ? 'cyan' : undefined}>
                  {selected ? '❯ ' : '  '}
                  {name.padEnd(width)}
                </Text>
                <Text>
                  {'  '}
                  {first.shown.padEnd(shownWidth)}
                  {'  '}
                </Text>
                <Text color={decision === 'move' ? 'green' : 'yellow'}>
                  {'→ '}
                  {decision === 'move' ? MOVE_LABEL : KEEP_LABEL}
                </Text>
                {first.mustMove === undefined ? null : <Text dimColor>{' (cannot stay plain text)'}</Text>}
              </Text>
              <Text dimColor>
                {'    '}
                {here.map((suspect) => `${suspect.container} (${suspect.path})`).join(', ')}
                {': '}
                {first.reason}
              </Text>
            </Box>
          );
        })}
      </Box>
      <Text dimColor>
        {moving === 0
          ? 'Nothing moves: the profile records these variables as not secrets.'
          : `${moving} moving to ${props.destination} (one secret for the environment, a JSON key per variable); the task definition reads them as secrets (valueFrom).`}
      </Text>
      {notice === undefined ? null : <Text color="yellow">{notice}</Text>}
      {props.footer === false ? null : (
        <Box marginTop={1}>
          <Footer keys={PLAINTEXT_KEYS} />
        </Box>
      )}
    </Box>
  );
}
