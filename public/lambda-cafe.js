/*
 * Lambda Café as a custom element (README: "Embed it"). A classic script, no imports:
 *
 *   <script src="https://YOUR-HOST/lambda-cafe.js"></script>
 *   <lambda-cafe lesson="receipt" panels="terminal" controls="minimal"></lambda-cafe>
 *
 * Attributes: the embed parameters (seed, speed, baristas, failure, target, onsuccess, paused,
 * present, lesson, step, panels, controls, theme, allow), plus src (another embed.html) and
 * title. The iframe lives in the element's shadow root: no page style reaches it and none of the
 * café's leaves it; each element is its own café (its own state and keyboard focus).
 * After customElements.whenDefined('lambda-cafe'): element.command(name, args) → Promise,
 * element.on(name, fn); every café event is also dispatched on the element as a
 * `lambda-cafe-event` CustomEvent ({ name, detail }). Loads embed.js from beside itself.
 */
(function () {
  'use strict';
  if (window.customElements.get('lambda-cafe')) return;
  var script = document.currentScript;
  var base = script && script.src ? script.src : document.baseURI;

  function define() {
    var PARAMS = window.LambdaCafe.PARAMS;
    var sheet;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(':host { display: block; } :host([hidden]) { display: none; }');
    } catch (error) {
      sheet = undefined;
    }

    function LambdaCafeElement() {
      return Reflect.construct(HTMLElement, [], LambdaCafeElement);
    }
    LambdaCafeElement.prototype = Object.create(HTMLElement.prototype);
    LambdaCafeElement.prototype.constructor = LambdaCafeElement;
    Object.setPrototypeOf(LambdaCafeElement, HTMLElement);
    Object.defineProperty(LambdaCafeElement, 'observedAttributes', {
      get: function () {
        return PARAMS.concat(['src', 'title']);
      },
    });

    LambdaCafeElement.prototype.connectedCallback = function () {
      if (!this.shadowRoot) {
        var root = this.attachShadow({ mode: 'open' });
        if (sheet) root.adoptedStyleSheets = [sheet];
      }
      if (!this._cafe) this._build();
    };
    LambdaCafeElement.prototype.disconnectedCallback = function () {
      if (this._cafe) this._cafe.destroy();
      this._cafe = undefined;
    };
    LambdaCafeElement.prototype.attributeChangedCallback = function (name, before, after) {
      if (before === after || !this._cafe) return;
      this._cafe.destroy();
      this._cafe = undefined;
      this._build();
    };
    LambdaCafeElement.prototype._build = function () {
      var element = this;
      var options = { src: this.getAttribute('src') || new URL('embed.html', base).href };
      PARAMS.concat(['title']).forEach(function (key) {
        if (element.hasAttribute(key)) options[key] = element.getAttribute(key);
      });
      var cafe = window.LambdaCafe.embed(this.shadowRoot, options);
      cafe.on('*', function (event) {
        element.dispatchEvent(new CustomEvent('lambda-cafe-event', { detail: event }));
      });
      this._cafe = cafe;
    };
    LambdaCafeElement.prototype.command = function (name, args) {
      if (!this._cafe) return Promise.reject(new Error('<lambda-cafe> is not on the page'));
      return this._cafe.command(name, args);
    };
    LambdaCafeElement.prototype.on = function (name, fn) {
      if (this._cafe) this._cafe.on(name, fn);
      return this;
    };
    window.customElements.define('lambda-cafe', LambdaCafeElement);
  }

  if (window.LambdaCafe && window.LambdaCafe.embed) define();
  else {
    var helper = document.createElement('script');
    helper.src = new URL('embed.js', base).href;
    helper.onload = define;
    helper.onerror = function () {
      console.error('<lambda-cafe>: could not load ' + helper.src);
    };
    document.head.appendChild(helper);
  }
})();
