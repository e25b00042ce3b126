/**
 * For browser files whose tests are the steps of one user story, each building on the one
 * before: after a step fails, the rest are skipped, since they would only report its echo.
 * Call once inside the describe block.
 */
import { beforeEach } from 'vitest'

export function skipStepsAfterAFailure(): void {
  let failedStep = false
  beforeEach(({ skip, onTestFailed }) => {
    if (failedStep) skip()
    onTestFailed(() => {
      failedStep = true
    })
  })
}
