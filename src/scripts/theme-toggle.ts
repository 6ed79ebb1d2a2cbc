/** Wire the header's theme button: flips `.dark` on <html>, remembers the choice, keeps its label true. */
export function initThemeToggle(): void {
  const root = document.documentElement;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const sync = () => {
      const dark = root.classList.contains('dark');
      button.setAttribute('aria-label', dark ? 'Switch to light theme' : 'Switch to dark theme');
    };
    sync();
    button.addEventListener('click', () => {
      const dark = !root.classList.contains('dark');
      root.classList.toggle('dark', dark);
      localStorage.setItem('atlas-theme', dark ? 'dark' : 'light');
      sync();
      root.dispatchEvent(new CustomEvent('atlas:themechange', { detail: { dark } }));
    });
  }
}
