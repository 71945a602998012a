import { describe, expect, it } from 'vitest'
import ElementPlus from 'element-plus'
import { createApp, h, nextTick, ref } from 'vue'
import RubricEditor from '@/console/views/cases/RubricEditor.vue'
import { emptyCriterion } from '@/console/views/cases/rubric'

const HINT = '该评分标准正被某县组织的案例征集使用，只有组织单位可以修改；如需调整请新建评分标准'

async function render(lockedHint: string) {
  const root = document.createElement('div')
  document.body.appendChild(root)
  const criteria = ref([{ ...emptyCriterion(), name: '实效', levels: [{ label: '优秀', min: '8', description: '' }] }])
  createApp({
    render: () =>
      h(RubricEditor, {
        modelValue: criteria.value,
        'onUpdate:modelValue': (v: typeof criteria.value) => (criteria.value = v),
        inUse: true,
        version: 2,
        lockedHint,
      }),
  })
    .use(ElementPlus)
    .mount(root)
  await nextTick()
  return root
}

/** El-input puts the test id on its <input> (or, by version, on the wrapper). */
function nameInput(root: HTMLElement): HTMLInputElement {
  const el = root.querySelector('[data-testid="criterion-name-0"]')!
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')!) as HTMLInputElement
}

describe('rubric editor for a rubric the viewer may not revise', () => {
  it('shows the reason instead of the editing controls, and disables the inputs', async () => {
    const root = await render(HINT)
    expect(root.querySelector('[data-testid="rubric-locked"]')?.textContent).toContain(HINT)
    expect(root.querySelector('[data-testid="rubric-in-use"]')).toBeNull()
    expect(root.querySelector('[data-testid="criterion-add"]')).toBeNull()
    expect(root.querySelector('[data-testid="band-add-0"]')).toBeNull()
    expect(nameInput(root).disabled).toBe(true)
  })

  it('stays editable for the organizer', async () => {
    const root = await render('')
    expect(root.querySelector('[data-testid="rubric-locked"]')).toBeNull()
    expect(root.querySelector('[data-testid="rubric-in-use"]')).not.toBeNull()
    expect(root.querySelector('[data-testid="criterion-add"]')).not.toBeNull()
    expect(nameInput(root).disabled).toBe(false)
  })
})
