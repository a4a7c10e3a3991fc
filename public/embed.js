/*
 * Lambda Café, host-side helper (README: "Embed it"). A classic script, no imports, no build:
 *
 *   <div id="cafe"></div>
 *   <script src="https://YOUR-HOST/embed.js"></script>
 *   <script>
 *     var cafe = LambdaCafe.embed('#cafe', { lesson: 'counter', panels: 'terminal' });
 *     cafe.on('invoke.accepted', function (detail) { console.log(detail.requestId); });
 *     cafe.command('order', { kind: 'async' }).then(function (result) { console.log(result.requestIds); });
 *   </script>
 *
 * LambdaCafe.embed(elementOrSelector, options) appends an iframe (loaded lazily, when it comes
 * near the viewport), keeps its height equal to the café's content height (the café's `resize`
 * messages), and returns { iframe, command(name, args), on(name, fn), off(name, fn), destroy() }.
 * command() returns a Promise resolved with the café's reply (rejected on ok:false, or when no
 * reply came `timeout` ms after the café said it was ready). Only messages from this iframe's
 * own window and origin are read. Protocol: version 1 (messages carry source "lambda-cafe").
 */
(function () {
  'use strict';
  if (window.LambdaCafe && window.LambdaCafe.embed) return;

  var SOURCE = 'lambda-cafe';
  var VERSION = 1;
  var PARAMS = [
    'seed',
    'speed',
    'baristas',
    'failure',
    'target',
    'onsuccess',
    'paused',
    'present',
    'lesson',
    'step',
    'panels',
    'controls',
    'theme',
    'allow',
  ];
  var script = document.currentScript;
  /** embed.html beside this script, unless `src` says otherwise. */
  var defaultSrc = script && script.src ? new URL('embed.html', script.src).href : 'embed.html';

  function embed(target, options) {
    options = options || {};
    var element = typeof target === 'string' ? document.querySelector(target) : target;
    if (!element || typeof element.appendChild !== 'function')
      throw new Error('LambdaCafe.embed: no element ' + String(target));
    var url = new URL(options.src || defaultSrc, document.baseURI);
    PARAMS.forEach(function (key) {
      var value = options[key];
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
    });
    var origin = url.origin;
    var timeoutMs = typeof options.timeout === 'number' ? options.timeout : 10000;

    var iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = options.title || 'Lambda Café: how AWS Lambda runs sync and async invocations';
    iframe.setAttribute('loading', options.lazy === false ? 'eager' : 'lazy');
    iframe.setAttribute('allow', 'fullscreen; clipboard-write');
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.height = (options.height || 640) + 'px';
    // The café's colours follow the iframe's color-scheme; theme=light|dark also forces them inside.
    if (options.theme === 'light' || options.theme === 'dark') iframe.style.colorScheme = options.theme;
    element.appendChild(iframe);

    var ready = false;
    var seq = 0;
    var pending = {};
    var listeners = {};

    function fire(name, detail) {
      (listeners[name] || []).slice().forEach(function (fn) {
        try {
          fn(detail, name);
        } catch (error) {
          setTimeout(function () {
            throw error;
          });
        }
      });
    }
    function startTimer(id) {
      var entry = pending[id];
      if (!entry || entry.timer) return;
      entry.timer = setTimeout(function () {
        delete pending[id];
        entry.reject(
          new Error('Lambda Café did not answer "' + entry.command + '" within ' + timeoutMs + ' ms'),
        );
      }, timeoutMs);
    }
    function post(message) {
      if (iframe.contentWindow) iframe.contentWindow.postMessage(message, origin);
    }
    function onMessage(event) {
      if (event.source !== iframe.contentWindow || event.origin !== origin) return;
      var data = event.data;
      if (!data || typeof data !== 'object' || data.source !== SOURCE || data.version !== VERSION) return;
      if (data.type === 'ready') {
        if (!ready) {
          ready = true;
          Object.keys(pending).forEach(function (id) {
            post(pending[id].message);
            startTimer(id);
          });
        }
        fire('ready', undefined);
      } else if (data.type === 'resize') {
        if (typeof data.height === 'number' && isFinite(data.height) && data.height > 0) {
          iframe.style.height = Math.ceil(data.height) + 'px';
          fire('resize', { height: data.height });
        }
      } else if (data.type === 'event' && typeof data.name === 'string') {
        fire(data.name, data.detail);
        fire('*', { name: data.name, detail: data.detail });
      } else if (data.type === 'reply') {
        var entry = pending[data.id];
        if (!entry) return;
        delete pending[data.id];
        clearTimeout(entry.timer);
        if (data.ok) entry.resolve(data.result);
        else entry.reject(new Error(typeof data.error === 'string' ? data.error : 'refused'));
      }
    }
    window.addEventListener('message', onMessage);

    return {
      iframe: iframe,
      /** Sends a command; the Promise settles with the café's reply. */
      command: function (name, args) {
        return new Promise(function (resolve, reject) {
          var id = 'c' + ++seq;
          var message = {
            source: SOURCE,
            version: VERSION,
            type: 'command',
            id: id,
            command: name,
            args: args || {},
          };
          pending[id] = { resolve: resolve, reject: reject, message: message, command: name, timer: 0 };
          // Before `ready` the message waits (a lazy iframe may not have loaded); the timeout starts at ready.
          if (ready) {
            post(message);
            startTimer(id);
          }
        });
      },
      /** Listens to an event ('invoke.accepted', 'step.changed', …, 'ready', 'resize', or '*'). */
      on: function (name, fn) {
        (listeners[name] = listeners[name] || []).push(fn);
        return this;
      },
      off: function (name, fn) {
        listeners[name] = (listeners[name] || []).filter(function (f) {
          return f !== fn;
        });
        return this;
      },
      destroy: function () {
        window.removeEventListener('message', onMessage);
        Object.keys(pending).forEach(function (id) {
          clearTimeout(pending[id].timer);
          pending[id].reject(new Error('Lambda Café embed destroyed'));
        });
        pending = {};
        if (iframe.parentNode) iframe.parentNode.removeChild(iframe);
      },
    };
  }

  window.LambdaCafe = window.LambdaCafe || {};
  window.LambdaCafe.embed = embed;
  window.LambdaCafe.PARAMS = PARAMS.slice();
})();
