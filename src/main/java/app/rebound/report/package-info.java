/**
 * Charts of an impact result: a dataset, then a chart, then SVG for pages or PNG with the bundled
 * CJK font.
 */
package app.rebound.report;
