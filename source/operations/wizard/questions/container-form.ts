/**
 * 4. The simplified form (EC2): one container's CPU units, memory limits and port mappings, one field at a time
 * (its view: ui/wizard/views/container-form.tsx). Its flags are container-mode's (--cpu, --memory, …).
 */
import type {ContainerFormAnswers, WizardAnswers} from '../../../domain/wizard-answers.js';
import {checkInteger, formatPortMapping, parsePortMapping} from '../answer-checks.js';
import {taskNetworkMode} from '../container-spec.js';
import type {Question} from '../question.js';

export interface ContainerFormField {
  key: 'cpu' | 'memory' | 'memoryReservation' | 'ports';
  label: string;
  /** The text the field starts with. */
  initial: string;
}

/** The form's fields, filled with the answers (a new form reserves 256 MiB). */
export function containerFormFields(answers: WizardAnswers): ContainerFormField[] {
  const form = answers.containerForm;
  return [
    {key: 'cpu', label: 'CPU units (1024 = 1 vCPU; empty: none)', initial: form?.cpu === undefined ? '' : String(form.cpu)},
    {key: 'memory', label: 'Memory hard limit, MiB (empty: none)', initial: form?.memory === undefined ? '' : String(form.memory)},
    {
      key: 'memoryReservation',
      label: 'Memory soft limit, MiB',
      initial: form === undefined ? '256' : form.memoryReservation === undefined ? '' : String(form.memoryReservation),
    },
    {
      key: 'ports',
      label: 'Port mappings (e.g. 80, 53/udp; empty: none)',
      initial: (form?.ports ?? [])
        .map((port) => `${port.hostPort === undefined ? '' : `${port.hostPort}:`}${port.containerPort}${port.protocol === 'udp' ? '/udp' : ''}`)
        .join(', '),
    },
  ];
}

export interface ContainerFormParse {
  /** The form, when every field holds. */
  form?: ContainerFormAnswers;
  /** A message per field (by index), where one is wrong. */
  errors: Array<string | undefined>;
  /** What is wrong with the fields together. */
  formError?: string;
}

/** The fields' texts (in the order of containerFormFields) checked. */
export function parseContainerForm(values: readonly string[], answers: WizardAnswers): ContainerFormParse {
  const found: Array<string | undefined> = [];
  const cpu = checkInteger(values[0] ?? '', 'the CPU units', {min: 0, max: 10240, optional: true});
  const memory = checkInteger(values[1] ?? '', 'the memory limit', {min: 4, optional: true});
  const reservation = checkInteger(values[2] ?? '', 'the memory reservation', {min: 4, optional: true});
  found[0] = cpu.ok ? undefined : cpu.message;
  found[1] = memory.ok ? undefined : memory.message;
  found[2] = reservation.ok ? undefined : reservation.message;
  const ports = [];
  for (const text of (values[3] ?? '').split(/[\s,]+/).filter((item) => item !== '')) {
    const port = parsePortMapping(text, taskNetworkMode(answers));
    if (!port.ok) {
      found[3] = port.message;
      break;
    }
    ports.push(port.value);
  }
  if (found.some((message) => message !== undefined) || !cpu.ok || !memory.ok || !reservation.ok) return {errors: found};
  if (memory.value === undefined && reservation.value === undefined)
    return {errors: found, formError: 'On EC2 a container needs a memory limit or a memory reservation: give at least one'};
  if (memory.value !== undefined && reservation.value !== undefined && reservation.value > memory.value) {
    return {errors: found, formError: `The memory reservation (${reservation.value} MiB) must not exceed the hard limit (${memory.value} MiB)`};
  }
  const result: ContainerFormAnswers = {ports, environment: answers.containerForm?.environment ?? []};
  if (cpu.value !== undefined) result.cpu = cpu.value;
  if (memory.value !== undefined) result.memory = memory.value;
  if (reservation.value !== undefined) result.memoryReservation = reservation.value;
  // The logs are the container-logs question's (asked after the region): changing the form keeps them.
  if (answers.containerForm?.logConfiguration !== undefined) result.logConfiguration = answers.containerForm.logConfiguration;
  return {form: result, errors: found};
}

export const containerForm: Question = {
  id: 'container-form',
  section: 3,
  label: 'Container',
  applies: (ctx) => ctx.answers.containerMode === 'form',
  summary: (ctx) => {
    const form = ctx.answers.containerForm;
    if (form === undefined) return '';
    const parts = [
      form.cpu === undefined ? undefined : `cpu ${form.cpu}`,
      form.memory === undefined ? undefined : `memory ${form.memory} MiB`,
      form.memoryReservation === undefined ? undefined : `reservation ${form.memoryReservation} MiB`,
      `ports ${form.ports.length === 0 ? 'none' : form.ports.map(formatPortMapping).join(', ')}`,
    ];
    return parts.filter((part) => part !== undefined).join(' · ');
  },
  help: [
    'CPU units: 1024 units are one vCPU (optional on EC2). Memory: the hard limit in MiB — the container is killed above it. Memory reservation: the soft limit in MiB reserved on the instance. On EC2 a container needs at least one of the two.',
    'Port mappings: the ports the container listens on, e.g. 80, 8080, 53/udp. Under bridge, 8080:80 maps host port 8080 to container port 80 (leave the host port out for a dynamic one).',
  ],
  fields: {containerForm: '--cpu/--memory/--memory-reservation/--port'},
};
