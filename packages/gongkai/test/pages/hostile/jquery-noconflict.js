// Prototype.js owns $ on this page: jQuery gives it back, as every page with both does.
jQuery.noConflict();
