/**
 * What a form tells the merchant: a summary in the page's alert region (read out at once) and
 * each field's own message right under the field (`<p id="<field id>-error">`, linked to the
 * field by aria-describedby). Messages are set as text, never as HTML.
 */
import type { ApiError } from './api';
import { field } from './dom';

export type FieldMessage = string | Node;

export class FormFeedback {
  constructor(
    private readonly form: HTMLFormElement,
    private readonly alertRegion: HTMLElement,
  ) {}

  clear(): void {
    this.alertRegion.replaceChildren();
    for (const input of this.form.querySelectorAll('input')) {
      input.removeAttribute('aria-invalid');
      this.errorSlot(input)?.replaceChildren();
    }
  }

  /** A summary line, optionally followed by a list (e.g. every password rule that failed). */
  showAlert(summary: string, details: string[] = []): void {
    const paragraph = document.createElement('p');
    paragraph.textContent = summary;
    const children: HTMLElement[] = [paragraph];
    if (details.length > 0) {
      const list = document.createElement('ul');
      for (const detail of details) {
        const item = document.createElement('li');
        item.textContent = detail;
        list.append(item);
      }
      children.push(list);
    }
    this.alertRegion.replaceChildren(...children);
  }

  /**
   * The one-line summary of a form whose fields say what is wrong under themselves: it names
   * each field marked wrong as a link that moves focus into it, so the rules are not said twice.
   */
  pointToInvalidFields(summary: string): void {
    const paragraph = document.createElement('p');
    paragraph.append(summary);
    const invalid = [...this.form.querySelectorAll<HTMLInputElement>('input[aria-invalid="true"]')];
    invalid.forEach((input, index) => {
      paragraph.append(index === 0 ? ' ' : '、', fieldLink(input));
    });
    this.alertRegion.replaceChildren(paragraph);
  }

  /** A message is text, or a node a page built (e.g. a sentence with a link); never HTML. */
  showFieldError(name: string, messages: FieldMessage | FieldMessage[]): void {
    const input = field(this.form, name);
    input.setAttribute('aria-invalid', 'true');
    const lines = (Array.isArray(messages) ? messages : [messages]).map((message) => {
      const line = document.createElement('span');
      line.className = 'field-error-line';
      line.append(message);
      return line;
    });
    this.errorSlot(input)?.replaceChildren(...lines);
  }

  /** Marks a field wrong without a message of its own (the alert already says why). */
  markInvalid(name: string): void {
    field(this.form, name).setAttribute('aria-invalid', 'true');
  }

  focusFirstInvalid(): void {
    this.form.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
  }

  private errorSlot(input: HTMLInputElement): HTMLElement | null {
    return input.id ? document.getElementById(`${input.id}-error`) : null;
  }
}

/** A link to a field, named by its label; following it puts the cursor in the field. */
function fieldLink(input: HTMLInputElement): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = `#${input.id}`;
  link.className = 'field-link';
  link.textContent = input.labels?.[0]?.textContent?.trim() ?? input.name;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    input.focus();
  });
  return link;
}

/** Blocks double submits while a request is on its way. */
export function setSubmitting(form: HTMLFormElement, submitting: boolean): void {
  form.setAttribute('aria-busy', String(submitting));
  for (const button of form.querySelectorAll('button')) button.disabled = submitting;
}

/** A VALIDATION answer's message per field, under each field this form has. */
export function showFieldErrors(form: HTMLFormElement, feedback: FormFeedback, error: ApiError): void {
  for (const [name, message] of Object.entries(error.fields ?? {})) {
    if (form.elements.namedItem(name)) feedback.showFieldError(name, message);
  }
}
