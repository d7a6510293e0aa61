package io.github.camelmapiq.mapiq.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/** A docs snippet's routes running in a Camel context pointed at the simulator, with the messages its log steps wrote. */
final class RunningSnippet implements AutoCloseable {

    final DefaultCamelContext context;
    final List<String> logged = new CopyOnWriteArrayList<>();

    private RunningSnippet(MapiqSimulator sim, String language, DocSnippets.Snippet snippet, String declarations,
                           Consumer<DefaultCamelContext> before, Path workDir) throws Exception {
        context = SnippetTestSupport.context(sim);
        SnippetTestSupport.recordLogEip(context, logged);
        before.accept(context);
        if (language.equals("java")) {
            context.addRoutes(JavaSnippetRoutes.compile(snippet.text(), declarations, workDir));
        } else {
            SnippetTestSupport.loadRoutes(context, language, snippet.text());
        }
        context.start();
    }

    static RunningSnippet start(MapiqSimulator sim, String language, DocSnippets.Snippet snippet, Path workDir)
            throws Exception {
        return new RunningSnippet(sim, language, snippet, "", c -> { }, workDir);
    }

    /** {@code before} binds the beans and properties the snippet refers to; {@code declarations} adds Java classes. */
    static RunningSnippet start(MapiqSimulator sim, String language, DocSnippets.Snippet snippet, String declarations,
                                Consumer<DefaultCamelContext> before, Path workDir) throws Exception {
        return new RunningSnippet(sim, language, snippet, declarations, before, workDir);
    }

    ProducerTemplate template() {
        return context.createProducerTemplate();
    }

    @Override
    public void close() {
        context.stop();
    }
}
