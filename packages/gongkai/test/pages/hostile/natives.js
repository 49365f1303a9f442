// Polyfills and "fixes" county templates still ship, replacing natives badly. All are
// assigned, so they are enumerable (a for-in over an array meets them).
// includes/find/findIndex written with indexOf and without thisArg (NaN never found,
// no index for find's callback); startsWith/endsWith without a position; a trim that
// only trims ASCII spaces; MooTools-style contains/remove helpers; a bind that
// drops `new` and reports length 0; Array.from that only knows array-likes.
Array.prototype.includes = function (item) {
  return this.indexOf(item) != -1;
};
Array.prototype.find = function (test) {
  for (var i = 0; i < this.length; i++) if (test(this[i])) return this[i];
};
Array.prototype.findIndex = function (test) {
  for (var i = 0; i < this.length; i++) if (test(this[i])) return i;
  return -1;
};
Array.prototype.contains = function (item) {
  return this.indexOf(item) != -1;
};
Array.prototype.remove = function (item) {
  var index = this.indexOf(item);
  if (index > -1) this.splice(index, 1);
  return this;
};
Array.from = function (arrayLike) {
  var list = [];
  for (var i = 0; i < (arrayLike.length || 0); i++) list.push(arrayLike[i]);
  return list;
};
String.prototype.startsWith = function (prefix) {
  return this.indexOf(prefix) === 0;
};
String.prototype.endsWith = function (suffix) {
  return this.length >= suffix.length && this.lastIndexOf(suffix) === this.length - suffix.length;
};
String.prototype.trim = function () {
  return this.replace(/^ +| +$/g, '');
};
String.prototype.contains = function (part) {
  return this.indexOf(part) != -1;
};
Function.prototype.bind = function (context) {
  var fn = this;
  var bound = Array.prototype.slice.call(arguments, 1);
  return function () {
    return fn.apply(context, bound.concat(Array.prototype.slice.call(arguments)));
  };
};
