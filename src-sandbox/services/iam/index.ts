import { QUERY_ERROR_STYLE } from '../error-styles';
import type { ServiceDefinition } from '../types';
import {
  attachGroupPolicy,
  attachRolePolicy,
  attachUserPolicy,
  detachGroupPolicy,
  detachRolePolicy,
  detachUserPolicy,
  listAttachedGroupPolicies,
  listAttachedRolePolicies,
  listAttachedUserPolicies,
} from './attached-policies';
import { createAccessKey, deleteAccessKey, listAccessKeys, updateAccessKey } from './access-keys';
import { getPolicy, getPolicyVersion } from './managed-policies';
import {
  addUserToGroup,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  listGroupsForUser,
  removeUserFromGroup,
} from './groups';
import {
  groupPolicyOperations,
  rolePolicyOperations,
  userPolicyOperations,
} from './inline-policies';
import { createRole, deleteRole, getRole, listRoles, updateAssumeRolePolicy } from './roles';
import { createUser, deleteUser, getUser, listAccountAliases, listUsers } from './users';

/** IAM is global: state in region `global`, events recorded in us-east-1 (reference §4.3). */
export const iamService: ServiceDefinition = {
  name: 'iam',
  eventSource: 'iam.amazonaws.com',
  wire: {
    protocol: 'awsQuery',
    apiVersion: '2010-05-08',
    xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
  },
  globalRegion: 'us-east-1',
  errors: QUERY_ERROR_STYLE,
  operations: {
    CreateUser: createUser,
    GetUser: getUser,
    ListUsers: listUsers,
    DeleteUser: deleteUser,
    CreateAccessKey: createAccessKey,
    ListAccessKeys: listAccessKeys,
    UpdateAccessKey: updateAccessKey,
    DeleteAccessKey: deleteAccessKey,
    CreateRole: createRole,
    GetRole: getRole,
    ListRoles: listRoles,
    DeleteRole: deleteRole,
    UpdateAssumeRolePolicy: updateAssumeRolePolicy,
    ListAccountAliases: listAccountAliases,
    CreateGroup: createGroup,
    GetGroup: getGroup,
    ListGroups: listGroups,
    DeleteGroup: deleteGroup,
    AddUserToGroup: addUserToGroup,
    RemoveUserFromGroup: removeUserFromGroup,
    ListGroupsForUser: listGroupsForUser,
    ...userPolicyOperations,
    ...rolePolicyOperations,
    ...groupPolicyOperations,
    AttachUserPolicy: attachUserPolicy,
    DetachUserPolicy: detachUserPolicy,
    ListAttachedUserPolicies: listAttachedUserPolicies,
    AttachRolePolicy: attachRolePolicy,
    DetachRolePolicy: detachRolePolicy,
    ListAttachedRolePolicies: listAttachedRolePolicies,
    AttachGroupPolicy: attachGroupPolicy,
    DetachGroupPolicy: detachGroupPolicy,
    ListAttachedGroupPolicies: listAttachedGroupPolicies,
    GetPolicy: getPolicy,
    GetPolicyVersion: getPolicyVersion,
  },
};
