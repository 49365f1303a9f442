// A county template's own jQuery 1.x code: run on ready, touching every link, image,
// table and input the page has (the elements' own are in shadow roots, or rendered later).
jQuery(function ($) {
  $('a[href$=".pdf"], a[href$=".doc"]').attr('target', '_blank');
  $('img').each(function () {
    if (!this.alt) this.alt = '';
  });
  $('table tr:odd').addClass('odd');
  $('input[type=text]').focus(function () {
    $(this).addClass('focus');
  });
  $(document).on('click', 'a', function () {
    window.__clicks = (window.__clicks || 0) + 1;
  });
});
