export type {Checked} from '../../../operations/wizard.js';
export type {Listing} from '../../../operations/wizard-services.js';
