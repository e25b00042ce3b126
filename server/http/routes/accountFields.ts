/**
 * The zod rules for account fields, shared by every route that takes one (registration, sign-in,
 * renaming, changing the password), so a rule cannot be tightened in one place and missed in
 * another.
 */
import { z } from 'zod'
import {
  MAX_DISPLAY_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from '../../../shared/accountLimits'
import { isCommonPassword } from '../../auth/commonPasswords'

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('must be an e-mail address'))
  .pipe(z.string().max(254))

/** A password being set: the length rules apply, and it must not be a common one. */
export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`)
  .refine((password) => !isCommonPassword(password), {
    message: 'is one of the most common passwords, the first ones guessed; choose another',
  })

/**
 * A password being checked: only bounded, since one set under older rules must still be
 * accepted, and the bound caps the hashing work a request can ask for.
 */
export const givenPasswordField = z.string().max(MAX_PASSWORD_LENGTH)

export const displayNameField = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_DISPLAY_NAME_LENGTH, `must be at most ${MAX_DISPLAY_NAME_LENGTH} characters`)
