// A faithful subset of Prototype 1.7's DOM layer (src/prototype/dom/dom.js, dom/event.js),
// loaded after the registry's Prototype 1.7 language extensions (the `prototype` package,
// served bundled as /test-vendor/prototype.js): what Prototype does to every page it is on.
// - Element.addMethods copies its methods onto HTMLElement.prototype by assignment, so
//   they are enumerable, and some shadow natives (remove, replace, select, toggle, update).
// - The global Element becomes Prototype's own constructor around the native prototype.
// - Event.prototype gets element(), stop(), pointer(); window gets $, $$, $F and Event.observe.
(function () {
  function $(element) {
    return typeof element === 'string' ? document.getElementById(element) : element;
  }
  function methodize(fn) {
    return function () {
      var args = [this];
      for (var i = 0; i < arguments.length; i++) args.push(arguments[i]);
      return fn.apply(null, args);
    };
  }
  var cache = {};
  var uid = 0;
  var Methods = {
    visible: function (element) { return $(element).style.display != 'none'; },
    toggle: function (element) { element = $(element); element.style.display = element.style.display == 'none' ? '' : 'none'; return element; },
    hide: function (element) { element = $(element); element.style.display = 'none'; return element; },
    show: function (element) { element = $(element); element.style.display = ''; return element; },
    remove: function (element) { element = $(element); if (element.parentNode) element.parentNode.removeChild(element); return element; },
    update: function (element, content) { element = $(element); element.innerHTML = content == null ? '' : String(content); return element; },
    replace: function (element, content) { element = $(element); var range = document.createRange(); range.selectNode(element); element.parentNode.replaceChild(range.createContextualFragment(String(content)), element); return element; },
    insert: function (element, content) { element = $(element); element.insertAdjacentHTML('beforeend', String(content)); return element; },
    identify: function (element) { element = $(element); return element.id || (element.id = 'anonymous_element_' + uid++); },
    readAttribute: function (element, name) { return $(element).getAttribute(name); },
    writeAttribute: function (element, name, value) { element = $(element); element.setAttribute(name, value === true ? name : value); return element; },
    classNames: function (element) { return $(element).className.split(/\s+/); },
    hasClassName: function (element, name) { return (' ' + $(element).className + ' ').indexOf(' ' + name + ' ') > -1; },
    addClassName: function (element, name) { element = $(element); if (!Methods.hasClassName(element, name)) element.className += (element.className ? ' ' : '') + name; return element; },
    removeClassName: function (element, name) { element = $(element); element.className = (' ' + element.className + ' ').replace(' ' + name + ' ', ' ').replace(/^\s+|\s+$/g, ''); return element; },
    toggleClassName: function (element, name) { return Methods[Methods.hasClassName(element, name) ? 'removeClassName' : 'addClassName'](element, name); },
    empty: function (element) { return /^\s*$/.test($(element).innerHTML); },
    up: function (element, selector) { element = $(element).parentNode; while (element && element.nodeType == 1 && selector && !element.matches(selector)) element = element.parentNode; return element && element.nodeType == 1 ? element : undefined; },
    down: function (element, selector) { return $(element).querySelector(selector || '*') || undefined; },
    select: function (element, selector) { return Array.prototype.slice.call($(element).querySelectorAll(selector)); },
    match: function (element, selector) { return $(element).matches(selector); },
    descendants: function (element) { return Methods.select(element, '*'); },
    ancestors: function (element) { var list = []; element = $(element).parentNode; while (element && element.nodeType == 1) { list.push(element); element = element.parentNode; } return list; },
    getStyle: function (element, style) { return getComputedStyle($(element))[style]; },
    setStyle: function (element, styles) { element = $(element); for (var name in styles) element.style[name] = styles[name]; return element; },
    getDimensions: function (element) { var rect = $(element).getBoundingClientRect(); return { width: rect.width, height: rect.height }; },
    getHeight: function (element) { return Methods.getDimensions(element).height; },
    getWidth: function (element) { return Methods.getDimensions(element).width; },
    cumulativeOffset: function (element) { var rect = $(element).getBoundingClientRect(); return [rect.left + scrollX, rect.top + scrollY]; },
    store: function (element, key, value) { element = $(element); var id = Methods.identify(element); (cache[id] = cache[id] || {})[key] = value; return element; },
    retrieve: function (element, key) { var store = cache[Methods.identify(element)]; return store && store[key]; },
    fire: function (element, name, memo) { var event = document.createEvent('HTMLEvents'); event.initEvent('dataavailable', true, true); event.eventName = name; event.memo = memo || {}; $(element).dispatchEvent(event); return event; },
    observe: function (element, name, handler) { $(element).addEventListener(name, handler, false); return element; },
    stopObserving: function (element, name, handler) { $(element).removeEventListener(name, handler, false); return element; },
  };
  // Element.addMethods(): plain assignment, so every method is enumerable on every element.
  for (var name in Methods) HTMLElement.prototype[name] = methodize(Methods[name]);

  var NativeElement = window.Element;
  window.Element = function (tagName, attributes) {
    var element = document.createElement(tagName);
    for (var key in attributes || {}) element.setAttribute(key, attributes[key]);
    return element;
  };
  window.Element.prototype = NativeElement.prototype;
  for (var method in Methods) window.Element[method] = Methods[method];
  window.Element.Methods = Methods;

  var EventMethods = {
    element: function (event) { return event.target; },
    stop: function (event) { event.preventDefault(); event.stopPropagation(); event.stopped = true; },
    pointer: function (event) { return { x: event.pageX, y: event.pageY }; },
    isLeftClick: function (event) { return event.button == 0; },
  };
  for (var eventMethod in EventMethods) Event.prototype[eventMethod] = methodize(EventMethods[eventMethod]);
  for (var staticMethod in EventMethods) Event[staticMethod] = EventMethods[staticMethod];
  Event.observe = Methods.observe;
  Event.stopObserving = Methods.stopObserving;
  document.observe = function (name, handler) { document.addEventListener(name == 'dom:loaded' ? 'DOMContentLoaded' : name, handler, false); };

  window.$ = $;
  window.$$ = function (selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); };
  window.$F = function (element) { return $(element).value; };
})();
