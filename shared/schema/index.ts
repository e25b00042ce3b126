export { briefingExtensions, DOCUMENT_FRAGMENT } from './extensions'
export { briefingSchema } from './schema'
