/** For other modules' tests: a browser-like client for the login flows, and a free port. */
export { formAction, freePort, hiddenInputs, TestBrowser } from './test-browser.ts';
