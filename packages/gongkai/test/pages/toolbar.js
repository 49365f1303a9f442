// Reads the way a county portal's 无障碍 / 适老化 toolbar does in 指读 (pointer reading) mode:
// the text of the element under the pointer, from the mouseover target's innerText and
// from document.elementFromPoint(x, y).innerText. The last of each is kept for the test.
(function () {
  var heard = (window.__toolbar = { target: '', point: '' });
  function text(element) {
    return element && typeof element.innerText === 'string' ? element.innerText : '';
  }
  document.addEventListener('mouseover', function (event) {
    heard.target = text(event.target);
  });
  document.addEventListener('mousemove', function (event) {
    heard.point = text(document.elementFromPoint(event.clientX, event.clientY));
  });
})();
