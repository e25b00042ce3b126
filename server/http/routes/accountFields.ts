/**
 * The account requests as the server validates them: the shared contract's rules
 * (shared/api/accounts.ts) plus the one only the server can check, that a new password is
 * not one of the most common.
 */
import { passwordRequests } from '../../../shared/api/accounts'
import { newPassword } from '../../../shared/api/fields'
import { isCommonPassword } from '../../auth/commonPasswords'

/** A password being set: the length rules apply, and it must not be a common one. */
export const newPasswordField = newPassword.refine((password) => !isCommonPassword(password), {
  message: 'is one of the most common passwords, the first ones guessed; choose another',
})

export const accountRequests = passwordRequests(newPasswordField)
