import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AuditFilter, auditSearch } from '../admin/audit-query';
import { olderPageBefore } from '../admin/audit-row';
import { http } from './http';
import type { AuditEntry, ChangePasswordBody, NewUserAccount, ResetPasswordBody, UserAccount } from './types';

/** Accounts, passwords and the audit log (apps/api auth, users and audit controllers); the types come from the API's contract. */
export type { AuditEntry, NewUserAccount, UserAccount } from './types';

export const accountKeys = {
  users: ['users'] as const,
  audit: (filter: AuditFilter) => ['audit', filter.userId ?? 'all', filter.upTo ?? 'now'] as const,
};

/** One's own password: the current one proves it is you; one's other sessions end. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => http<void>('/api/auth/password', { method: 'POST', json: body }),
  });
}

export const useUsers = (enabled = true) => useQuery({ queryKey: accountKeys.users, queryFn: () => http<UserAccount[]>('/api/users'), enabled });

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUserAccount) => http<UserAccount>('/api/users', { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.users }),
  });
}

/** The admin sets someone's password (a forgotten one): every session of that user ends. */
export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, newPassword }: ResetPasswordBody & { id: string }) =>
      http<void>(`/api/users/${id}/password`, { method: 'POST', json: { newPassword } satisfies ResetPasswordBody }),
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, one user's or everyone's, up to a day or now; each further page is older than what is shown. */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: accountKeys.audit(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => http<AuditEntry[]>(`/api/audit?${auditSearch(filter, AUDIT_PAGE_SIZE, pageParam)}`),
    getNextPageParam: (last, pages) => olderPageBefore(pages, AUDIT_PAGE_SIZE, last),
  });
}
