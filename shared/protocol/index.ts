export { CloseCode, type CloseCodeValue, CloseReason } from './closeCodes'
export * from './messages'
