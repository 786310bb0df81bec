import React from 'react';
import {useInput} from 'ink';
import {Text} from '../components/text.js';
import {describeProfile} from '../../report/profile-text.js';
import {Frame} from '../components/frame.js';
import type {ScreenHelp} from '../components/help-overlay.js';
import {BACK} from '../keys.js';
import type {ProfilesState} from '../use-profiles.js';

export const profileDetailHelp: ScreenHelp = {
  title: 'Profile',
  text: ['What this profile deploys (artifact, container and service specifications), where (its environments), and its last run.'],
  keys: [BACK],
};

export function ProfileDetail(props: {name: string; profiles: ProfilesState; active: boolean; onBack: () => void}) {
  useInput((_input, key) => key.escape && props.onBack(), {isActive: props.active});
  const profile = props.profiles.profiles?.find((p) => p.name === props.name);
  return (
    <Frame title={`profile ${props.name}`} keys={[BACK]}>
      {profile ? describeProfile(profile).map((line, index) => <Text key={index}>{line}</Text>) : <Text color="red">Profile '{props.name}' is gone.</Text>}
    </Frame>
  );
}
