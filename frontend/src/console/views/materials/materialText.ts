// Words the material screens show, kept out of the templates so they read the same everywhere.
import type { Material } from '../../api/materials'

/** The pipeline's passage kinds in Chinese (the API also sends kind_label). */
export const KIND_LABELS: Record<string, string> = {
  heading: '标题',
  paragraph: '段落',
  point: '要点',
  article: '条文',
}

/** A passage's heading path (a JSON list in the API). */
export function pathOf(passage: { heading_path?: unknown }): string[] {
  const path = Array.isArray(passage.heading_path) ? passage.heading_path.map(String) : []
  return path.map((heading) => heading.replace(/^#+\s*/, ''))
}

/** "与《…》正文相同" naming every material this one duplicates; '' when none. */
export function duplicateText(material: Pick<Material, 'duplicate_of'>): string {
  if (!material.duplicate_of.length) return ''
  return `正文与已有材料相同：${material.duplicate_of.map((m) => `《${m.title}》`).join('、')}`
}
