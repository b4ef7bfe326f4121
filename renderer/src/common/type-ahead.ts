/**
 * Typing that runs ahead of a dialog. A secretary who presses a shortcut that
 * opens a dialog (Alt+A for an agreement, Ctrl+K to search) and goes on typing
 * at once would lose the first keystrokes, or send them into the field that had
 * the focus before (the notes of the live minutes), because the dialog's first
 * field takes the focus a moment later. `holdTypingForDialog` keeps what is
 * typed in that moment and types it into the dialog's field once it has the
 * focus.
 */

/** Long enough for any dialog to open; after it, what was kept goes to the focused field. */
const HOLD_MS = 2000

type TextField = HTMLInputElement | HTMLTextAreaElement

function isTextField(target: EventTarget | null): target is TextField {
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled
  return target instanceof HTMLInputElement && /^(text|search|email|tel|url|)$/.test(target.type) && !target.readOnly && !target.disabled
}

function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"]') !== null
}

/** Types `text` at the caret of `field` as the user would: the form's own change handlers see it. */
export function typeInto(field: TextField, text: string): void {
  const insert = field instanceof HTMLTextAreaElement ? text : text.replace(/\n/g, '')
  if (!insert) return
  const start = field.selectionStart ?? field.value.length
  const end = field.selectionEnd ?? start
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
  // React tracks the value through the prototype's setter; setting it there makes the input event count as typing.
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, field.value.slice(0, start) + insert + field.value.slice(end))
  field.setSelectionRange(start + insert.length, start + insert.length)
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

/**
 * Call from the shortcut that opens a dialog with a text field: keystrokes
 * typed before the dialog's field has the focus are kept (not typed where the
 * focus was) and typed into that field when it takes the focus.
 */
export function holdTypingForDialog(): void {
  let held = ''
  // Where the typing was going: what is kept goes back there if no dialog field takes it.
  const origin = document.activeElement
  const stop = () => {
    window.clearTimeout(timer)
    document.removeEventListener('keydown', onKey, true)
    document.removeEventListener('beforeinput', onInput, true)
    document.removeEventListener('paste', onPaste, true)
    document.removeEventListener('focusin', onFocus, true)
  }
  const release = (field: TextField) => {
    stop()
    typeInto(field, held)
  }
  /** No dialog field took the focus in time: nothing kept is lost, it goes where it was headed. */
  const finish = () => {
    stop()
    if (held && isTextField(origin) && origin.isConnected) typeInto(origin, held)
    held = ''
  }
  const onKey = (event: KeyboardEvent) => {
    // The dialog already has the focus: typing goes there by itself.
    if (inDialog(event.target)) return finish()
    // A composition (an input method, an accent on some systems) is left to run where it is.
    if (event.isComposing || event.keyCode === 229) return
    if (event.ctrlKey || event.metaKey || event.altKey) return
    if (event.key.length === 1) held += event.key
    else if (event.key === 'Enter') held += '\n'
    else if (event.key === 'Backspace') held = held.slice(0, -1)
    else return
    event.preventDefault()
    event.stopPropagation()
  }
  // Text that arrives without a key of its own (an accent composed with a dead key, an input method) is kept too.
  const onInput = (event: InputEvent) => {
    if (inDialog(event.target)) return finish()
    if (!event.inputType.startsWith('insert') || event.isComposing || event.inputType === 'insertCompositionText') return
    held += event.inputType === 'insertLineBreak' || event.inputType === 'insertParagraph' ? '\n' : (event.data ?? '')
    event.preventDefault()
  }
  const onPaste = (event: ClipboardEvent) => {
    if (inDialog(event.target)) return finish()
    held += event.clipboardData?.getData('text/plain') ?? ''
    event.preventDefault()
  }
  const onFocus = (event: FocusEvent) => {
    if (inDialog(event.target) && isTextField(event.target)) release(event.target)
  }
  const timer = window.setTimeout(() => {
    const focused = document.activeElement
    if (inDialog(focused) && isTextField(focused)) release(focused)
    else finish()
  }, HOLD_MS)
  document.addEventListener('keydown', onKey, true)
  document.addEventListener('beforeinput', onInput, true)
  document.addEventListener('paste', onPaste, true)
  document.addEventListener('focusin', onFocus, true)
}
