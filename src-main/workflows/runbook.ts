import type { StepRef, WorkflowPlan } from '../../src-shared/models/workflow-plan';
import { shellQuote } from './shell-quote';
import type { CliCommand, CliWord } from './step-kind';

/** The shell variable an output of a step is kept in: step `copy`, output `snapshotId` → COPY_SNAPSHOT_ID. */
export function outputVariable(ref: StepRef): string {
  const snake = (text: string) =>
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .toUpperCase();
  return `${snake(ref.step)}_${snake(ref.output)}`;
}

/** How the profile and Region of a command are written: as they are, or as the runbook's variables. */
export interface CliNames {
  /** The AWS CLI profile (or `"$PROFILE"`) for a Keyward profile id. */
  profile(profileId: string): string;
  /** A literal word, or the variable standing for it (a Region). */
  word(text: string): string;
}

const wordOf = (word: CliWord, names: CliNames) =>
  typeof word === 'string' ? names.word(word) : `"$${outputVariable(word)}"`;

type StepWhere = { readonly id: string; readonly profileId: string; readonly region: string };

function oneCommandLine(
  command: CliCommand,
  step: StepWhere,
  names: CliNames,
  breakLines: boolean,
): string {
  const { capture } = command;
  const words = [
    'aws',
    ...command.args.map((w) => wordOf(w, names)),
    '--profile',
    names.profile(step.profileId),
    '--region',
    names.word(step.region),
    ...(capture
      ? ['--query', shellQuote(capture.query), '--output', capture.json ? 'json' : 'text']
      : []),
  ];
  const line = words
    .map((w, i) => (breakLines && i > 0 && w.startsWith('--') ? `\\\n    ${w}` : w))
    .join(' ');
  if (!capture) return line;
  return `${outputVariable({ step: step.id, output: capture.output })}=$(${line})`;
}

/** The AWS CLI command lines of a step, one a line; `breakLines` puts each option on its own line. */
export function commandLine(
  command: CliCommand,
  step: StepWhere,
  names: CliNames,
  breakLines = false,
): string {
  return [command, ...(command.then ?? [])]
    .map((c) => oneCommandLine(c, step, names, breakLines))
    .join('\n');
}

/** Literal names: the per-step "AWS CLI equivalent" of the preview. */
export const literalNames = (profileName: (profileId: string) => string): CliNames => ({
  profile: (profileId) => shellQuote(profileName(profileId)),
  word: shellQuote,
});

/** The runbook's names: profiles and Regions as the variables set at its top. */
export function variableNames(plan: WorkflowPlan): CliNames {
  const regions = new Map(
    plan.variables.filter((v) => v.kind === 'region').map((v) => [v.value, v.name]),
  );
  const profiles = new Map(
    plan.variables.filter((v) => v.kind === 'profile').map((v) => [v.value, v.name]),
  );
  return {
    profile: (profileId) => {
      const name = profiles.get(profileId);
      return name ? `"$${name}"` : shellQuote(profileId);
    },
    word: (text) => {
      const name = regions.get(text);
      return name ? `"$${name}"` : shellQuote(text);
    },
  };
}

export interface RunbookInput {
  readonly plan: WorkflowPlan;
  /** Each step's command, from its kind. */
  readonly commands: readonly CliCommand[];
  readonly profileName: (profileId: string) => string;
}

/** The steps as commented commands, profiles and Regions as variables (the runbook to copy). */
export function runbookText({ plan, commands }: RunbookInput): string {
  const names = variableNames(plan);
  const blocks = plan.steps.map((step, i) => {
    const command = commands[i];
    if (!command) throw new Error(`no command for step ${step.id}`);
    const line = commandLine(command, step, names, true);
    const echo = command.capture
      ? `\necho "  ${command.capture.output}: $${outputVariable({ step: step.id, output: command.capture.output })}"`
      : '';
    const title = `Step ${i + 1} of ${plan.steps.length}: ${step.title}`;
    return `# ${title}\necho ${shellQuote(title)}\n${line}${echo}`;
  });
  return `${blocks.join('\n\n')}\n`;
}

/** The runbook as a script that runs as it is (bash, AWS CLI v1 or v2). */
export function runbookScript(input: RunbookInput): string {
  const { plan, profileName } = input;
  const assignments = plan.variables.map((v) => {
    const value = v.kind === 'profile' ? profileName(v.value) : v.value;
    return `# ${v.about}\n${v.name}="\${${v.name}:-${value.replace(/["$`\\]/g, '\\$&')}}"`;
  });
  return [
    '#!/usr/bin/env bash',
    `# Keyward runbook: ${plan.title}`,
    `# Run ${plan.runId}. What Keyward creates is tagged keyward:run-id=${plan.runId}.`,
    '# Needs the AWS CLI (v1 or v2). Set the variables below to your own profile names first.',
    'set -euo pipefail',
    '',
    ...assignments,
    '',
    '# AWS_ENDPOINT_URL (optional) sends every call to another endpoint, also with CLIs older than 2.13.',
    'aws() { command aws ${AWS_ENDPOINT_URL:+--endpoint-url "$AWS_ENDPOINT_URL"} "$@"; }',
    '',
    runbookText(input),
  ].join('\n');
}
