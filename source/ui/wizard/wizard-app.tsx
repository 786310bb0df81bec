import React, {useMemo} from 'react';
import {useStdin} from 'ink';
import type {CompositionRoot} from '../../ports/root.js';
import {createWizardServices, wizardPortsFrom} from '../../operations/wizard/services.js';
import {Wizard, type WizardExit} from './wizard-screen.js';

/** The wizard as a screen of the interactive program ("New setup" on the home screen). */
export function WizardFromRoot(props: {root: CompositionRoot; active: boolean; onExit: (exit: WizardExit) => void}) {
  const {stdin} = useStdin();
  const services = useMemo(() => createWizardServices(wizardPortsFrom(props.root, {stdin, env: process.env})), [props.root]);
  return <Wizard services={services} active={props.active} finishOnSave={false} offerDraft onExit={props.onExit} />;
}

export {wizardHelp} from './wizard-help.js';
