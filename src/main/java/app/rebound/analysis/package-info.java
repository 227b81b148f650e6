/**
 * Second stage: pure functions from a shop's tables to immutable results. What was deleted and the
 * likely cause of each batch, the counterfactual impact on traffic, conversion, GMV, trust and
 * partnerships, and the evidence per deleted order that the appeal builds on.
 *
 * <p>Why a figure was not measured is a {@link app.rebound.analysis.Reason}: a stable code with its
 * arguments (numbers, file names), never a sentence. Its words live in {@code
 * reasons_zh.properties} and {@code reasons_en.properties} beside this package, not in the web
 * bundles: the analysis itself puts reasons into words (a signal not measured, and impact.json's
 * {@code message} through {@link app.rebound.analysis.Reason#addMessages} where the JSON is
 * written) and must not depend on the web package; advice, report and web read the same bundle
 * through {@link app.rebound.analysis.Reason#text}.
 *
 * <p>The cause diagnosis's sentences (each signal, the drivers, the probabilities, what would
 * settle a close call, the penalties, the appeal check waiting for it) are {@link
 * app.rebound.analysis.Phrase} the same way: a code and its arguments, put into a language by the
 * same lookup ({@link app.rebound.analysis.Phrase#format}) from the sibling bundles {@code
 * diagnosis_zh.properties} and {@code diagnosis_en.properties}. A sibling rather than more keys in
 * the reasons bundle because a reason is a code a client acts on (impact.json's {@code
 * reason.code}, listed in docs/formats.md) while a diagnosis sentence is only read; and because
 * these sentences nest (a driver holds its signal's sentence, a close call a list of exports), so
 * their arguments may be words of their own, which a reason's never are.
 */
package app.rebound.analysis;
