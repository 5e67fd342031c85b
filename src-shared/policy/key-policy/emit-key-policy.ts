// Visual model → key policy JSON. Understood sections are written from the model in the
// console's element order (principal lists as arrays, the root as a string); the others come back exactly as they were read.
import type { KeyPolicySection, KeyPolicyView, UnderstoodSection } from './key-policy-view';

type Json = Record<string, unknown>;

function awsStatement(
  sid: string | undefined,
  principals: readonly string[],
  actions: readonly string[],
  asString = false,
): Json {
  return {
    ...(sid === undefined ? {} : { Sid: sid }),
    Effect: 'Allow',
    Principal: { AWS: principals.length === 1 && asString ? principals[0] : [...principals] },
    Action: actions.length === 1 ? actions[0] : [...actions],
    Resource: '*',
  };
}

function understoodJson(section: UnderstoodSection): Json {
  switch (section.kind) {
    case 'account-root':
      return awsStatement(section.sid, [section.principal], ['kms:*'], true);
    case 'administrators':
    case 'users':
      return awsStatement(section.sid, section.principals, section.actions);
    case 'attachment':
      return {
        ...awsStatement(section.sid, section.principals, section.actions),
        Condition: { Bool: { 'kms:GrantIsForAWSResource': section.conditionValue } },
      };
    case 'service': {
      const { services, actions } = section;
      return {
        ...(section.sid === undefined ? {} : { Sid: section.sid }),
        Effect: 'Allow',
        Principal: { Service: services.length === 1 ? services[0] : [...services] },
        Action: actions.length === 1 ? actions[0] : [...actions],
        Resource: '*',
        ...(section.condition === undefined ? {} : { Condition: section.condition }),
      };
    }
  }
}

function sectionJson(section: KeyPolicySection): unknown {
  return section.kind === 'not-understood' ? section.raw : understoodJson(section);
}

/** The policy as a JSON value with AWS's element names; `JSON.stringify` it to send. */
export function emitKeyPolicy(view: KeyPolicyView): Record<string, unknown> {
  return { ...view.header, Statement: view.sections.map(sectionJson) };
}
