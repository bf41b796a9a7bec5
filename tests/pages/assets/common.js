// Loaded first by every fixture page (a classic script in <head>, so it also runs under the strict
// CSP): records every uncaught error and unhandled rejection that reaches the page, and every
// console.error/warn made from the page's own world, for errors.test.mjs.
(function () {
  var errors = (window.__pageErrors = []);
  window.addEventListener('error', function (event) {
    errors.push('error: ' + (event.message || (event.target && event.target.tagName) || 'unknown') + ' @ ' + (event.filename || '') + ':' + (event.lineno || 0));
  }, true);
  window.addEventListener('unhandledrejection', function (event) {
    errors.push('unhandledrejection: ' + String(event.reason && (event.reason.stack || event.reason)));
  });
  var consoleLog = (window.__pageConsole = []);
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      consoleLog.push(level + ': ' + Array.prototype.map.call(arguments, String).join(' '));
      return original.apply(console, arguments);
    };
  });
})();
