// Photos are shrunk in the browser before upload: a phone photo of several MB becomes a
// JPEG of a few hundred KB, which matters on a weak rural network. The server re-encodes
// (and strips EXIF) anyway.

export const MAX_SIDE = 1600
export const QUALITY = 0.82

/** Target size keeping the aspect ratio, never enlarging. */
export function fitWithin(width: number, height: number, maxSide = MAX_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height)
  if (longest <= maxSide || longest === 0) return { width, height }
  const scale = maxSide / longest
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** A JPEG blob no larger than maxSide on its longest side; the original when it cannot be decoded here. */
export async function compressImage(file: File, maxSide = MAX_SIDE, quality = QUALITY): Promise<Blob> {
  if (typeof createImageBitmap !== 'function') return file
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return file
  }
  const size = fitWithin(bitmap.width, bitmap.height, maxSide)
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const ctx = canvas.getContext('2d')
  if (!ctx) return file
  ctx.drawImage(bitmap, 0, 0, size.width, size.height)
  bitmap.close()
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
  // Keep the original when re-encoding does not help (small PNG screenshots, say).
  return blob && blob.size < file.size ? blob : file
}
