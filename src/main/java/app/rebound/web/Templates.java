package app.rebound.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the JTE templates of src/main/jte, precompiled into the jar by the build; Html content
 * type, so every value is escaped.
 */
public final class Templates {

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  public String render(String template, Object view) {
    StringOutput out = new StringOutput();
    engine.render(template, view, out);
    return out.toString();
  }

  /** Renders into the response as HTML with the status already set on {@code ctx}. */
  public void respond(Context ctx, String template, Object view) {
    ctx.html(render(template, view));
  }
}
