/* The embedding demo's page script (embed-demo.html). Classic script, after embed.js and lambda-cafe.js. */
(function () {
  'use strict';
  var log = document.getElementById('event-log');
  function write(cafe, text) {
    var item = document.createElement('li');
    item.textContent = cafe + ': ' + text;
    log.insertBefore(item, log.firstChild);
    while (log.children.length > 50) log.removeChild(log.lastChild);
  }

  var cafes = {
    a: LambdaCafe.embed('#cafe-a', { lesson: 'counter', panels: 'terminal', paused: 1 }),
    b: LambdaCafe.embed('#cafe-b', { controls: 'minimal', theme: 'dark', seed: 7 }),
  };
  ['a', 'b'].forEach(function (name) {
    cafes[name].on('*', function (event) {
      write(name.toUpperCase(), event.name + ' ' + JSON.stringify(event.detail));
    });
  });
  customElements.whenDefined('lambda-cafe').then(function () {
    var element = document.getElementById('cafe-c');
    cafes.c = element;
    element.addEventListener('lambda-cafe-event', function (event) {
      write('C', event.detail.name + ' ' + JSON.stringify(event.detail.detail));
    });
  });

  document.querySelectorAll('.host-buttons').forEach(function (group) {
    group.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-command]');
      var cafe = cafes[group.getAttribute('data-cafe')];
      if (!button || !cafe) return;
      var command = button.getAttribute('data-command');
      var args = command === 'order' ? { kind: button.getAttribute('data-kind') } : {};
      cafe.command(command, args).then(
        function (result) {
          write(
            group.getAttribute('data-cafe').toUpperCase(),
            command + ' → ok ' + JSON.stringify(result || {}),
          );
        },
        function (error) {
          write(group.getAttribute('data-cafe').toUpperCase(), command + ' → refused: ' + error.message);
        },
      );
    });
  });
})();
