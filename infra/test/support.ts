import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { ensureWebBuilt } from '@modellregionen/web/build';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { backendPropsFromContext, ModellregionenStack } from '../lib/stack';

// As `npx cdk synth` does (infra/bin/app.ts): the stack deploys the built web app.
await ensureWebBuilt();

/** The stack as `cdk synth` builds it from cdk.json's context, with cdk-nag's AwsSolutions and Serverless packs. */
export const synthesizeStack = (context: Record<string, unknown> = cdkJson.context) => {
  const app = new App({ context, outdir: undefined });
  const stack = new ModellregionenStack(app, 'Modellregionen', { backend: backendPropsFromContext(app.node) });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  const assembly = app.synth();
  return { app, stack, assembly, template: Template.fromStack(stack) };
};

export type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;

/** The logical id of the resource a construct stands for (its default child), as in the template. */
export const logicalIdOf = (construct: IConstruct): string => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
