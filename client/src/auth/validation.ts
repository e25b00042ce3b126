/**
 * Checks run in the browser before a form is sent, so the common mistakes get an answer at
 * once. The server checks everything again; these only mirror its rules.
 */
import { MIN_PASSWORD_LENGTH } from '../../../shared/accountLimits'
import type { FormError } from './formError'

/** Loose on purpose: the server decides what an e-mail address is; this catches typos. */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim())
}

/** What is wrong with a registration before asking the server; null when nothing is. */
export function checkRegistration(input: {
  name: string
  email: string
  password: string
}): FormError | null {
  if (!input.name.trim()) return { field: 'name', message: 'Enter your name.' }
  if (!looksLikeEmail(input.email)) {
    return { field: 'email', message: 'Enter an e-mail address, like ada@example.org.' }
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    return {
      field: 'password',
      message: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
    }
  }
  return null
}

/** What is wrong with a new display name before asking the server; null when nothing is. */
export function checkName(name: string): FormError | null {
  return name.trim() ? null : { field: 'name', message: 'Enter your name.' }
}

/**
 * What is wrong with a password change before asking the server; null when nothing is. Field
 * names are the API's (`currentPassword`, `newPassword`) plus the form's own `confirmPassword`.
 */
export function checkPasswordChange(input: {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}): FormError | null {
  if (!input.currentPassword) {
    return { field: 'currentPassword', message: 'Enter your current password.' }
  }
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) {
    return { field: 'newPassword', message: `Use at least ${MIN_PASSWORD_LENGTH} characters.` }
  }
  if (input.newPassword === input.currentPassword) {
    return { field: 'newPassword', message: 'Choose a password other than your current one.' }
  }
  if (input.confirmPassword !== input.newPassword) {
    return { field: 'confirmPassword', message: 'The two new passwords do not match.' }
  }
  return null
}
