import { describe, expect, it } from 'vitest'
import { ApiError } from '../../client/src/api/apiError'
import { errorFor, formErrorOf } from '../../client/src/auth/formError'
import {
  checkName,
  checkPasswordChange,
  checkRegistration,
  looksLikeEmail,
} from '../../client/src/auth/validation'

describe('form errors', () => {
  it('puts a field error from the server under that field, without the field prefix', () => {
    const err = new ApiError(
      400,
      'invalid_input',
      'Body field "password": must be at least 10 characters.',
      'password',
    )
    const error = formErrorOf(err, ['email', 'password'])
    expect(error).toEqual({ field: 'password', message: 'Must be at least 10 characters.' })
    expect(errorFor(error, 'password')).toBe('Must be at least 10 characters.')
    expect(errorFor(error, 'email')).toBeNull()
  })

  it('keeps errors about fields the form does not show for the whole form', () => {
    const err = new ApiError(
      400,
      'invalid_input',
      'Body field "inviteToken": too long.',
      'inviteToken',
    )
    expect(formErrorOf(err, ['email'])).toEqual({
      field: null,
      message: 'Body field "inviteToken": too long.',
    })
    expect(formErrorOf(new ApiError(403, 'invite_only', 'By invitation only.'), ['email'])).toEqual(
      { field: null, message: 'By invitation only.' },
    )
    expect(formErrorOf(new Error('boom'), []).message).toBe('boom')
  })

  it('keeps a server message that already names the field as it is', () => {
    const err = new ApiError(
      409,
      'email_taken',
      'An account with this e-mail already exists.',
      'email',
    )
    expect(formErrorOf(err, ['email'])).toEqual({
      field: 'email',
      message: 'An account with this e-mail already exists.',
    })
  })
})

describe('registration checks', () => {
  const valid = { name: 'Ada', email: 'ada@example.org', password: 'correct horse' }

  it('accepts a plausible registration', () => {
    expect(checkRegistration(valid)).toBeNull()
  })

  it('names the first field that is wrong', () => {
    expect(checkRegistration({ ...valid, name: '  ' })?.field).toBe('name')
    expect(checkRegistration({ ...valid, email: 'ada' })?.field).toBe('email')
    expect(checkRegistration({ ...valid, password: 'short' })?.field).toBe('password')
  })

  it('recognises e-mail addresses loosely', () => {
    expect(looksLikeEmail(' ada@example.org ')).toBe(true)
    for (const bad of ['', 'ada', 'ada@', '@example.org', 'ada@example', 'a b@example.org']) {
      expect(looksLikeEmail(bad), bad).toBe(false)
    }
  })

  it('checks a new name and a password change before sending them', () => {
    expect(checkName('  Ada  ')).toBeNull()
    expect(checkName('   ')).toEqual({ field: 'name', message: 'Enter your name.' })
    const valid = {
      currentPassword: 'the old password',
      newPassword: 'a new password',
      confirmPassword: 'a new password',
    }
    expect(checkPasswordChange(valid)).toBeNull()
    expect(checkPasswordChange({ ...valid, currentPassword: '' })?.field).toBe('currentPassword')
    expect(
      checkPasswordChange({ ...valid, newPassword: 'short', confirmPassword: 'short' }),
    ).toEqual({ field: 'newPassword', message: 'Use at least 10 characters.' })
    const same = {
      ...valid,
      newPassword: valid.currentPassword,
      confirmPassword: valid.currentPassword,
    }
    expect(checkPasswordChange(same)?.field).toBe('newPassword')
    expect(checkPasswordChange({ ...valid, confirmPassword: 'a new passwort' })).toEqual({
      field: 'confirmPassword',
      message: 'The two new passwords do not match.',
    })
  })
})
