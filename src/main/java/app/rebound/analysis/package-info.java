/**
 * Second stage: pure functions from a shop's tables to immutable results. What was deleted and the
 * likely cause of each batch, the counterfactual impact on traffic, conversion, GMV, trust and
 * partnerships, and the evidence per deleted order that the appeal builds on.
 *
 * <p>Why a figure was not measured is a {@link app.rebound.analysis.Reason}: a stable code with its
 * arguments (numbers, file names), never a sentence. Its words live in {@code
 * reasons_zh.properties} and {@code reasons_en.properties} beside this package, not in the web
 * bundles: the analysis itself puts reasons into words (the batch signals' sentences, and
 * impact.json's {@code message} through {@link app.rebound.analysis.Reason#addMessages} where the
 * JSON is written) and must not depend on the web package; advice, report and web read the same
 * bundle through {@link app.rebound.analysis.Reason#text}, so there is one lookup.
 */
package app.rebound.analysis;
