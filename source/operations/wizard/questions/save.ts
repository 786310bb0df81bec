/** 10. Saving: the profile's name (default: the service name; --name), then the profile is saved (its view: ui/wizard/views/save.tsx). */
import type {Profile} from '../../../domain/model.js';
import type {WizardAnswers} from '../../../domain/wizard-answers.js';
import type {Checked} from '../answer-checks.js';
import {assembleProfile, blockingCount, checkProfileName} from '../profile.js';
import {platformFindings} from '../platform.js';
import type {Question} from '../question.js';
import type {WizardServices} from '../services.js';

/** A name for the new profile: valid, and not one already saved. */
export function checkNewProfileName(text: string, taken: readonly string[]): Checked<string> {
  const checked = checkProfileName(text);
  if (checked.ok && taken.includes(checked.value))
    return {ok: false, message: `A profile named ${checked.value} exists: choose another name (or remove it in Manage profiles)`};
  return checked;
}

/** Saves the profile of the answers under `name`, unless it is not complete. */
export async function saveNewProfile(
  answers: WizardAnswers,
  name: string,
  services: WizardServices,
): Promise<{ok: true; profile: Profile} | {ok: false; message: string}> {
  const assembled = assembleProfile({...answers, profileName: name}, {name, now: services.now()});
  if (assembled.profile === undefined || blockingCount(assembled) > 0) {
    const first = assembled.problems.find((problem) => problem.severity === 'error');
    return {ok: false, message: `The profile is not complete: ${first?.message ?? 'see the review'} — go back (esc)`};
  }
  // An image not built for the tasks' platform would die with "exec format error": refused with the fix.
  const [mismatch] = (await platformFindings(services, assembled.profile)).mismatches;
  if (mismatch !== undefined) return {ok: false, message: `${mismatch.message}: ${mismatch.fix} — go back (esc)`};
  try {
    await services.saveProfile(assembled.profile);
  } catch (failure) {
    return {ok: false, message: failure instanceof Error ? failure.message : String(failure)};
  }
  return {ok: true, profile: assembled.profile};
}

export const save: Question = {
  id: 'save',
  section: 9,
  label: 'Profile',
  summary: (ctx) => ctx.answers.profileName ?? '',
  help: ['The profile is saved on this machine under this name (ARNs and settings, never credentials). Run it later with `ecs-wizard deploy NAME`.'],
  flags: [{name: 'name', type: 'string', value: 'PROFILE', description: 'save the profile under this name (default: the service name)', listed: 'first'}],
  fields: {profileName: '--name'},
  fromFlags(draft) {
    const name = draft.take('name', draft.value('name'), checkProfileName);
    if (name === undefined) return;
    draft.answers = {...draft.answers, profileName: name};
    draft.given.save = '--name';
  },
};
