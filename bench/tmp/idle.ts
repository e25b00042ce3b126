import { FULL } from '../config'
import { idleConnections } from '../scenarios/idle'
const config = { ...FULL, idle: { connections: Number(process.argv[2]), documents: Number(process.argv[3]), settleMs: 1000 } }
const t = Date.now()
console.log(JSON.stringify(await idleConnections(config, console.log), null, 1))
console.log('total', Date.now() - t)
process.exit(0)
