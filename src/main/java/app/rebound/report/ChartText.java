package app.rebound.report;

import java.text.NumberFormat;

/**
 * The words around one chart, already in its language: title, subtitle (null for none), the value
 * axis' label and the number format of its ticks.
 */
record ChartText(String title, String subtitle, String rangeAxis, NumberFormat format) {}
