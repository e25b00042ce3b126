export { CloseCode, type CloseCodeValue } from './closeCodes'
export * from './messages'
