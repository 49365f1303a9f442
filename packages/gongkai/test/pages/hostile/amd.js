// What an old CMS page with RequireJS does: require.js is loaded (a global define with
// define.amd, and require), the page's own modules are defined anonymously and by name,
// and the template's own `$` is a getElementById shortcut, not jQuery.
define('cms/util', [], function () {
  return { byId: function (id) { return document.getElementById(id); } };
});
require(['cms/util'], function (util) {
  window.$ = util.byId;
});
window.$ = function (id) {
  return document.getElementById(id);
};
