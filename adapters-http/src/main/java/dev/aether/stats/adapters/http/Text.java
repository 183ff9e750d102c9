package dev.aether.stats.adapters.http;

/** Caller-supplied text echoed in error messages: quoted and cut short, so an answer stays small. */
final class Text {
  private static final int MAX_ECHO = 40;

  private Text() {}

  static String quote(String raw) {
    if (raw == null) {
      return "nothing";
    }
    StringBuilder sb = new StringBuilder("'");
    int n = 0;
    for (int i = 0; i < raw.length() && n < MAX_ECHO; i++, n++) {
      char c = raw.charAt(i);
      sb.append(Character.isISOControl(c) ? '?' : c);
    }
    if (raw.length() > MAX_ECHO) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }
}
