// ?mode=light: the page-wide switch a web team writes into its template, <html data-gk-light-dom>.
if (new URLSearchParams(location.search).get('mode') === 'light')
  document.documentElement.setAttribute('data-gk-light-dom', '');
