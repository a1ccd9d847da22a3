package org.parley.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders Thymeleaf templates from {@code templates/} on the classpath (HTML mode, UTF-8, cached). Javalin 7 has no
 * published Thymeleaf module; this is all it takes. Template names are given without the {@code .html} suffix.
 */
final class ThymeleafRenderer implements FileRenderer {
    private final TemplateEngine engine;

    ThymeleafRenderer() {
        RecordPropertyAccessor.install();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ThymeleafRenderer.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    @Override
    public String render(String filePath, Map<String, ?> model, Context ctx) {
        return render(filePath, model);
    }

    /** Renders without an HTTP context (tests, and anything else that wants a page as a string). */
    String render(String template, Map<String, ?> model) {
        return renderParts(template, model, null);
    }

    /** Renders only the parts of the template the markup selectors name (all of it when null), in document order. */
    String renderParts(String template, Map<String, ?> model, java.util.Set<String> selectors) {
        org.thymeleaf.context.Context context = new org.thymeleaf.context.Context(Locale.ENGLISH);
        model.forEach(context::setVariable);
        return selectors == null ? engine.process(template, context) : engine.process(template, selectors, context);
    }
}
