/**
 * The commands ({@code serve}, {@code analyze}; {@code simulate} lives with the simulator): options
 * parsed by picocli, then the same services the web app uses.
 */
package app.rebound.cli;
