package app.rebound.cli;

/** The languages reports are written in; Chinese is the default. */
public enum Language {
  zh,
  en
}
