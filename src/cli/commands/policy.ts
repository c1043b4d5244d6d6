// rampart policy <explain|check|show|lint|test>: verdicts and policy checks that run nothing.
import type { CommandModule } from '../command.js';
import { policyCheckCommand } from './policy-check.js';
import { policyExplainCommand } from './policy-explain.js';
import { policyLintCommand } from './policy-lint.js';
import { policyShowCommand } from './policy-show.js';
import { policyTestCommand } from './policy-test.js';

export const policyCommand: CommandModule = {
  command: 'policy',
  describe: 'Explain verdicts and check policies (runs nothing)',
  subcommands: [policyExplainCommand, policyCheckCommand, policyShowCommand, policyLintCommand, policyTestCommand],
  handler: () => 0,
};
