import { z } from 'zod';
import { profileSummarySchema } from '../models/profile';
import {
  addAccessKeyProfileInput,
  addAssumeRoleProfileInput,
  addSharedConfigProfileInput,
  addSsoProfileInput,
  editProfileInput,
  profileRef,
  startSessionInput,
} from '../schemas/profile-input';
import { invoke, noInput, operation } from './define';

export const profilesCalls = {
  'profiles.list': invoke({
    summary: 'Profiles Keyward knows (the sandbox’s demo identities first), without secrets.',
    input: noInput,
    output: z.array(profileSummarySchema),
  }),
  'profiles.addAccessKey': invoke({
    summary:
      'Checks an access key with STS, stores the secret in the OS keychain, saves the profile.',
    input: addAccessKeyProfileInput,
    output: profileSummarySchema,
  }),
  'profiles.addAssumeRole': invoke({
    summary: 'Saves a profile that assumes a role from another profile, after trying AssumeRole.',
    input: addAssumeRoleProfileInput,
    output: profileSummarySchema,
  }),
  'profiles.addSharedConfig': invoke({
    summary:
      'Saves a profile resolved from ~/.aws/config by the SDK (credential_process, role chains, SSO cache), after STS names it.',
    input: addSharedConfigProfileInput,
    output: profileSummarySchema,
  }),
  'profiles.addSso': invoke({
    summary:
      'Saves an IAM Identity Center profile (start URL, account, role); signing in comes after.',
    input: addSsoProfileInput,
    output: profileSummarySchema,
  }),
  'profiles.update': invoke({
    summary:
      'Edits a profile; when keys, role, config profile or SSO account change, STS checks it again first.',
    input: editProfileInput,
    output: profileSummarySchema,
  }),
  'profiles.startSession': invoke({
    summary:
      'Starts (or renews) a session: AssumeRole (with an MFA code when the role needs one), or GetSessionToken with an MFA code for an access key with an MFA device.',
    input: startSessionInput,
    output: profileSummarySchema,
  }),
  'profiles.signIn': operation({
    summary:
      'Signs an IAM Identity Center profile in by the device authorization flow (progress carries the user code and URL), then gets its role credentials.',
    input: profileRef,
    result: profileSummarySchema,
  }),
  'profiles.signOut': invoke({
    summary: 'Ends an IAM Identity Center sign-in (Logout) and forgets its token and session.',
    input: profileRef,
    output: profileSummarySchema,
  }),
  'profiles.verify': invoke({
    summary: 'Asks STS who the profile is (GetCallerIdentity) and records the answer.',
    input: profileRef,
    output: profileSummarySchema,
  }),
  'profiles.delete': invoke({
    summary: 'Removes the profile and its keychain entry.',
    input: profileRef,
    output: z.object({ deleted: z.boolean() }).strict(),
  }),
  'regions.list': invoke({
    summary: 'Regions to offer in pickers, with the user’s defaults first.',
    input: noInput,
    output: z.array(
      z.object({ code: z.string(), name: z.string(), isDefault: z.boolean() }).strict(),
    ),
  }),
} as const;
