/** What the benchmarks ran on, printed at the start and stored with the results. */
import os from 'node:os'

export interface MachineInfo {
  cpuModel: string
  cores: number
  memoryGiB: number
  node: string
  platform: string
  kernel: string
  /** 1-minute load average when the run started: a busy machine skews everything. */
  loadAverage: number
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus()
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  }
}

export function describeMachine(info: MachineInfo): string {
  return `${info.cpuModel}, ${info.cores} cores, ${info.memoryGiB} GiB, Node ${info.node}, ${info.platform} (${info.kernel}), load ${info.loadAverage}`
}
