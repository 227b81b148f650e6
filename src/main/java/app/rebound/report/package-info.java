/**
 * Charts of an impact result: a dataset, then a chart, then SVG for pages or PNG with the bundled
 * CJK font; and the downloads written from a plan (plan.md, plan.pdf, actions.csv, summary.csv).
 * The words of the charts, the plan files and the summary come from the message bundles through
 * {@link app.rebound.Words} ({@code chart.*}, {@code plan.file.*}, {@code summary.*}, and the
 * pages' own keys where the words are the same), as every page's do: one translation mechanism.
 */
package app.rebound.report;
