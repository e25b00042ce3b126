/** `/api/admin`: instance settings, for the instance admin only. */
import { z } from 'zod'

export const settingsRequest = z.object({ openRegistration: z.boolean() }).strict()
/** When `openRegistration` is false, only people holding an invite link may register. */
export const settingsResponse = z.object({ openRegistration: z.boolean() })

export type InstanceSettings = z.infer<typeof settingsResponse>
