/**
 * The appeal workbench: deleted orders grouped as the platform asks for them (notice, product, time
 * range), each group's deadline, reason and evidence, the letter to submit, and the cases followed
 * to their outcome.
 */
package app.rebound.advice.appeal;
