/**
 * The web layer: routes in one place, thin controllers, JTE pages and the JSON API over the shop
 * store.
 */
package app.rebound.web;
