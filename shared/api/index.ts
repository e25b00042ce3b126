/** The REST API's contract: request and response schemas and error codes (see routes.ts). */
export * from './accounts'
export * from './admin'
export * from './briefings'
export * from './errors'
export * from './fields'
export * from './routes'
export * from './sources'
export * from './teams'
