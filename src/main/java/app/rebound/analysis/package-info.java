/**
 * Second stage: pure functions from a shop's tables to immutable results. What was deleted and the
 * likely cause of each batch, the counterfactual impact on traffic, conversion, GMV, trust and
 * partnerships, and the evidence per deleted order that the appeal builds on.
 */
package app.rebound.analysis;
