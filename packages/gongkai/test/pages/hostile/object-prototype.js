// Old page scripts that add enumerable properties to Object.prototype: a hand-written
// clone/extend/each, Crockford's 2006 json.js (toJSONString; parseJSON on strings),
// helper names (keys, values, size) and a plain Object.prototype.x = 1.
Object.prototype.x = 1;
Object.prototype.clone = function () {
  var copy = {};
  for (var key in this) copy[key] = this[key];
  return copy;
};
Object.prototype.extend = function (source) {
  for (var key in source) this[key] = source[key];
  return this;
};
Object.prototype.each = function (fn) {
  for (var key in this) if (this.hasOwnProperty(key)) fn(key, this[key]);
};
Object.prototype.keys = function () {
  var keys = [];
  for (var key in this) if (this.hasOwnProperty(key)) keys.push(key);
  return keys;
};
Object.prototype.values = function () {
  var values = [];
  for (var key in this) if (this.hasOwnProperty(key)) values.push(this[key]);
  return values;
};
Object.prototype.size = function () {
  return this.keys().length;
};
Object.prototype.toJSONString = function () {
  return JSON.stringify(this);
};
String.prototype.parseJSON = function () {
  return JSON.parse(this);
};
