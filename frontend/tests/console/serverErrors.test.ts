// The API's Chinese field errors land on the form items they name; what belongs to no
// field is shown once above the form; the typed values are never touched.
import { describe, expect, it } from 'vitest'
import { nextTick, reactive } from 'vue'
import { ApiError } from '@/api/http'
import { mapServerErrors, useServerErrors } from '@/console/composables/useServerErrors'

const FIELDS = ['username', 'mobile', 'org_unit'] as const

describe('mapServerErrors', () => {
  it('puts each field error on its field and keeps the rest for the top of the form', () => {
    const error = new ApiError(400, '提交的内容有误，请检查标出的字段', 'invalid', {
      mobile: ['手机号格式不正确（应为 11 位手机号）', '第二条'],
      org_unit: ['请选择所属单位'],
      non_field_errors: ['该工号已被停用'],
    })
    expect(mapServerErrors(error, FIELDS)).toEqual({
      fields: { mobile: '手机号格式不正确（应为 11 位手机号）；第二条', org_unit: '请选择所属单位' },
      message: '该工号已被停用',
    })
  })

  it('reads nested keys by their first part and honours aliases', () => {
    const error = new ApiError(400, '有误', 'invalid', {
      'rows.0.username': ['工号不在您的管理范围内'],
      is_reviewer: ['角色不正确'],
    })
    expect(mapServerErrors(error, ['rows', 'is_cadre'], { is_reviewer: 'is_cadre' }).fields).toEqual({
      rows: '工号不在您的管理范围内',
      is_cadre: '角色不正确',
    })
  })

  it('shows the detail when no field matches (a 403 scope refusal, a 409)', () => {
    const forbidden = new ApiError(403, '所选单位不在您的管理范围内', 'forbidden', {
      org_unit: ['所选单位不在您的管理范围内'],
    })
    expect(mapServerErrors(forbidden, ['name'])).toEqual({ fields: {}, message: '所选单位不在您的管理范围内' })
    const conflict = new ApiError(409, '当前状态不允许此操作', 'conflict')
    expect(mapServerErrors(conflict, FIELDS)).toEqual({ fields: {}, message: '当前状态不允许此操作' })
  })

  it('gives a network failure its own message', () => {
    expect(mapServerErrors(new ApiError(0, '网络连接失败，请检查网络后重试', 'network'), FIELDS).message).toBe(
      '网络连接失败，请检查网络后重试',
    )
    expect(mapServerErrors(new TypeError('x'), FIELDS).message).toBe('操作失败，请稍后再试')
  })
})

describe('useServerErrors', () => {
  it('never changes what was typed, and clears a field’s error when it is edited', async () => {
    const form = reactive({ username: 'A001', mobile: '123', org_unit: 5 as number | undefined })
    const server = useServerErrors(form, FIELDS)
    const failed = new ApiError(400, '提交的内容有误，请检查标出的字段', 'invalid', {
      mobile: ['手机号格式不正确（应为 11 位手机号）'],
      username: ['该工号已存在'],
    })
    expect(server.apply(failed)).toBe(true)
    expect(form).toEqual({ username: 'A001', mobile: '123', org_unit: 5 })
    expect(server.errors).toEqual({ mobile: '手机号格式不正确（应为 11 位手机号）', username: '该工号已存在' })
    expect(server.message.value).toBe('')

    form.mobile = '13800000000'
    await nextTick()
    expect(server.errors.mobile).toBeUndefined()
    expect(server.errors.username).toBe('该工号已存在')
  })

  it('a second failure replaces the first one’s errors', () => {
    const server = useServerErrors(null, FIELDS)
    server.apply(new ApiError(400, 'x', 'invalid', { mobile: ['一'] }))
    server.apply(new ApiError(400, 'y', 'invalid', { username: ['二'] }))
    expect(server.errors).toEqual({ username: '二' })
  })
})
