// One helper for every console form: the API's Chinese field errors
// ({"detail", "errors": {field: [...]}}) land on the Element Plus form items they belong to,
// anything else shows above the form, and the form's model is never touched, so whatever
// was typed survives a failed save.
//
//   const server = useServerErrors(form, ['real_name', 'mobile', 'org_unit'])
//   <el-alert v-if="server.message.value" :title="server.message.value" type="error" />
//   <el-form-item label="手机号" prop="mobile" :error="server.errors.mobile">
//   try { await save() } catch (e) { server.apply(e) }
import { reactive, ref, watch } from 'vue'
import { ApiError, errorMessage } from '@/api/http'

export interface MappedErrors {
  /** field → its first message (the form items show one line each) */
  fields: Record<string, string>
  /** What belongs to no field on this form (or the summary when nothing does). */
  message: string
}

/** The part of a server error key that names the form field: "rows.0.username" → "rows". */
function fieldOf(key: string, aliases: Record<string, string>): string {
  const head = key.split('.')[0] ?? key
  return aliases[key] ?? aliases[head] ?? head
}

/** Split an API failure into per-field messages and one message for the rest. */
export function mapServerErrors(
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): MappedErrors {
  if (!(error instanceof ApiError)) return { fields: {}, message: errorMessage(error) }
  const known = new Set(fields)
  const mapped: Record<string, string> = {}
  const rest: string[] = []
  for (const [key, messages] of Object.entries(error.errors)) {
    const field = fieldOf(key, aliases)
    const text = messages.join('；')
    if (known.has(field)) mapped[field] ??= text
    else if (text && !rest.includes(text)) rest.push(text)
  }
  if (Object.keys(mapped).length === 0) {
    // Nothing to point at: the detail says what happened (it often repeats the one error).
    const detail = error.detail
    return { fields: {}, message: rest.includes(detail) || !rest.length ? detail : `${detail}：${rest.join('；')}` }
  }
  return { fields: mapped, message: rest.join('；') }
}

export function useServerErrors<F extends string>(
  model: Partial<Record<F, unknown>> | null,
  fields: readonly F[],
  aliases: Record<string, F> = {},
) {
  const errors = reactive({}) as Partial<Record<F, string>>
  const message = ref('')

  function clear(field?: F): void {
    if (field) {
      delete errors[field]
      return
    }
    for (const key of Object.keys(errors) as F[]) delete errors[key]
    message.value = ''
  }

  /** Show a failed save's errors; returns true when some landed on a field. */
  function apply(error: unknown): boolean {
    clear()
    const mapped = mapServerErrors(error, fields, aliases)
    Object.assign(errors, mapped.fields)
    message.value = mapped.message
    return Object.keys(mapped.fields).length > 0
  }

  // A field's server error goes as soon as the person edits that field.
  if (model) {
    for (const field of fields) {
      watch(
        () => model[field],
        () => clear(field),
        { deep: true },
      )
    }
  }

  return { errors, message, apply, clear }
}
