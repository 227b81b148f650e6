/**
 * The use cases the web and the command line share: store a change then analyse (ShopChanges), run
 * analyses in the background per data version, record actions, move appeal cases. Knows nothing of
 * HTTP.
 */
package app.rebound.service;
