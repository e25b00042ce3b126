/**
 * How far apart two colours look: the Euclidean distance in OKLab (Björn Ottosson, 2020), a
 * space built so that equal distances look about equally different. 0.02 is a just
 * noticeable difference; palette colours are kept ten times that apart.
 */

/** A colour in OKLab: lightness, green–red, blue–yellow. */
export type Oklab = readonly [number, number, number]

/** `#rrggbb` as linear-light sRGB channels from 0 to 1. */
export function linearRgb(hex: string): [number, number, number] {
  const channel = (at: number) => {
    const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return [channel(1), channel(3), channel(5)]
}

/** Linear-light sRGB to OKLab. */
export function oklabOf([r, g, b]: readonly [number, number, number]): Oklab {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ]
}

/** The OKLab distance between two `#rrggbb` colours. */
export function colorDistance(a: string, b: string): number {
  const [p, q] = [oklabOf(linearRgb(a)), oklabOf(linearRgb(b))]
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])
}
