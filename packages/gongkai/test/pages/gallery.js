// Puts every example of every kind (from /test-api/examples.json) into the page's side
// column (#side), as a county portal would: ?width= sets the column (default 300 px),
// ?mode=light turns on light-DOM mode for the page (<html data-gk-light-dom>),
// ?elder=1 elder mode (<html class="gk-elder">), ?kinds=a,b keeps some kinds only, ?one=1
// the first valid example of each kind only.
// Plain loops and no Array methods: the hostile pages replace them.
(function () {
  var params = new URLSearchParams(location.search);
  var width = Number(params.get('width') || 300);
  var kinds = params.get('kinds') ? ',' + params.get('kinds') + ',' : '';
  var one = params.get('one') === '1';
  var shown = {};
  if (params.get('mode') === 'light') document.documentElement.setAttribute('data-gk-light-dom', '');
  if (params.get('elder') === '1') document.documentElement.classList.add('gk-elder');
  var gallery = (window.__gallery = { elements: [], settled: 0, outcomes: [] });

  function settle(element, outcome) {
    return function (event) {
      // A nested element's events bubble through this one (and are retargeted to it): count this one's own.
      if (event.composedPath()[0] !== element || element.__settled) return;
      element.__settled = outcome;
      gallery.settled++;
    };
  }

  // The page around the column: a heading, a line of text, a menu, and the article body (#zoom) the side column sits in.
  function make(tag, attributes, children) {
    var element = document.createElement(tag);
    for (var name in attributes)
      if (Object.prototype.hasOwnProperty.call(attributes, name)) element.setAttribute(name, attributes[name]);
    for (var i = 0; i < children.length; i++)
      element.appendChild(typeof children[i] === 'string' ? document.createTextNode(children[i]) : children[i]);
    return element;
  }
  document.body.appendChild(
    make('div', { id: 'layout' }, [
      make('div', { id: 'main' }, [
        make('h2', {}, ['政务公开']),
        make('p', {}, ['平罗县卫生和计划生育局']),
        make('ul', {}, [
          make('li', {}, [make('a', { href: '/' }, ['首页'])]),
          make('li', {}, [make('a', { href: '/zwgk/' }, ['政府信息公开'])]),
        ]),
      ]),
      make('div', { id: 'zoom', class: 'TRS_Editor' }, [make('div', { id: 'side' }, [])]),
    ]),
  );

  fetch('/test-api/examples.json')
    .then(function (response) {
      return response.json();
    })
    .then(function (examples) {
      var side = document.getElementById('side');
      side.style.setProperty('width', width + 'px', 'important');
      for (var i = 0; i < examples.length; i++) {
        var example = examples[i];
        if (kinds && kinds.indexOf(',' + example.kind + ',') < 0) continue;
        if (one && (!example.valid || shown[example.kind])) continue;
        shown[example.kind] = true;
        var element = document.createElement('gk-' + example.kind);
        element.setAttribute('src', example.path);
        element.setAttribute('data-example', example.path);
        element.setAttribute('data-expect', example.valid ? 'gk-load' : 'gk-error');
        element.addEventListener('gk-load', settle(element, 'gk-load'));
        element.addEventListener('gk-error', settle(element, 'gk-error'));
        var box = document.createElement('div');
        box.className = 'widget';
        box.appendChild(element);
        side.appendChild(box);
        gallery.elements.push(element);
      }
      gallery.ready = true;
    });
})();
