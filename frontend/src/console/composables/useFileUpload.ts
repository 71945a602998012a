// The pieces every upload screen shares (roster, question and indicator imports, materials):
// one chosen file, where choosing again replaces it, and a clock of the seconds a long
// upload or check has been running, for its progress line.
import { onBeforeUnmount, ref, useTemplateRef } from 'vue'
import type { UploadFile, UploadInstance, UploadRawFile } from 'element-plus'

/** For an el-upload with `:limit="1"`, `:auto-upload="false"`, `ref="upload"`,
 * `:on-change="onFile"` and `:on-exceed="onExceed"`; `onChosen` runs after each choice. */
export function useSingleFile(onChosen?: () => void) {
  const uploadRef = useTemplateRef<UploadInstance>('upload')
  const file = ref<File | null>(null)

  function onFile(upload: UploadFile) {
    file.value = upload.raw ?? null
    onChosen?.()
  }

  function onExceed(files: File[]) {
    uploadRef.value?.clearFiles()
    const next = files[0] as UploadRawFile | undefined
    if (next) uploadRef.value?.handleStart(next) // el-upload then calls onFile with it
  }

  return { file, onFile, onExceed }
}

/** `timed(work)` runs the work with `elapsed` counting its seconds. */
export function useElapsed() {
  const elapsed = ref(0)
  let clock: ReturnType<typeof setInterval> | undefined

  async function timed<T>(work: () => Promise<T>): Promise<T> {
    elapsed.value = 0
    const started = Date.now()
    clock = setInterval(() => (elapsed.value = Math.round((Date.now() - started) / 1000)), 500)
    try {
      return await work()
    } finally {
      clearInterval(clock)
    }
  }

  onBeforeUnmount(() => clearInterval(clock))
  return { elapsed, timed }
}
