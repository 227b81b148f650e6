/**
 * The use cases the web and the command line share: upload then analyse, run analyses in the
 * background per data version, record actions, move appeal cases. Knows nothing of HTTP.
 */
package app.rebound.service;
