/** The 「パスワードを表示する」 checkbox: shows or masks every password field it controls. */
export function showPasswordToggle(checkbox: HTMLInputElement, fields: HTMLInputElement[]): void {
  const apply = () => {
    for (const field of fields) field.type = checkbox.checked ? 'text' : 'password';
  };
  checkbox.addEventListener('change', apply);
  // A browser restoring the form after "back" may restore the checkbox ticked.
  apply();
}
