package io.github.camelmapiq.mapiq.docs;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.camel.builder.RouteBuilder;

/**
 * Compiles a Java DSL snippet of the docs, as written, into the {@code configure()} of a {@link RouteBuilder}, so the
 * test proves the snippet compiles against the component's API and runs.
 */
final class JavaSnippetRoutes {

    private static final String IMPORTS = """
            import java.io.File;
            import java.util.*;
            import org.apache.camel.*;
            import org.apache.camel.builder.RouteBuilder;
            import org.apache.camel.support.processor.state.FileStateRepository;
            import io.github.camelmapiq.mapiq.*;
            import io.github.camelmapiq.mapiq.client.model.*;
            import static org.apache.camel.builder.Builder.*;
            """;

    private JavaSnippetRoutes() {
    }

    /** {@code context} is in scope, as in the docs' snippets that bind beans before declaring routes. */
    static RouteBuilder compile(String snippet, Path workDir) throws Exception {
        return compile(snippet, "", workDir);
    }

    /** With {@code declarations} (classes the snippet names, such as a bean) as members of the route builder. */
    static RouteBuilder compile(String snippet, String declarations, Path workDir) throws Exception {
        String name = "DocSnippet" + Math.abs(snippet.hashCode());
        String source = "package docs;\n" + IMPORTS + "public class " + name + " extends RouteBuilder {\n"
                        + "  public void configure() throws Exception {\n    CamelContext context = getContext();\n"
                        + snippet + "\n  }\n" + declarations + "\n}\n";
        Path src = workDir.resolve("src/docs/" + name + ".java");
        Path classes = workDir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.StringWriter errors = new java.io.StringWriter();
        boolean ok = javac.getTask(errors, null, null,
                List.of("-classpath", classpath(), "-d", classes.toString(), "-proc:none"), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(src.toFile())).call();
        if (!ok) {
            throw new AssertionError("the docs' Java snippet does not compile:\n" + snippet + "\n" + errors);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
                JavaSnippetRoutes.class.getClassLoader());
        return (RouteBuilder) loader.loadClass("docs." + name).getDeclaredConstructor().newInstance();
    }

    /** Surefire may start the JVM with a manifest-only jar; javac follows its Class-Path entries. */
    private static String classpath() throws IOException {
        return System.getProperty("java.class.path") + File.pathSeparator + System.getProperty("surefire.test.class.path", "");
    }
}
