/*
 * Chrome's MV3 service worker: the same scripts Firefox lists in background.scripts.
 * importScripts runs them synchronously, so background.js registers its listeners at the
 * top level of the worker's first turn (as MV3 requires for events that wake the worker).
 */
importScripts('../pkg/unveil.js', '../shared/messages.js', '../shared/settings.js', 'background.js');
