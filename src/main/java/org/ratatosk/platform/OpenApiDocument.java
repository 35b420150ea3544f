package org.ratatosk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The API description of this WAR, built once from the resource classes under WEB-INF/classes. */
@ApplicationScoped
public class OpenApiDocument {

    private static final String CLASSES = "/WEB-INF/classes/";

    @Inject
    Config config;

    private JsonObject document;

    public synchronized JsonObject get(ServletContext context) {
        if (document == null) {
            List<Class<?>> resources = resourceClasses(context);
            document = OpenApi.describe(resources, config.publicUrl() + "/hermod/rest", guards(resources));
        }
        return document;
    }

    /** The guard annotations on the resources, each with the {@link SecurityScheme} it stands for. */
    static Map<Class<? extends Annotation>, String> guards(List<Class<?>> resources) {
        Map<Class<? extends Annotation>, String> guards = new HashMap<>();
        for (Class<?> resource : resources) {
            List<Annotation> annotations = new ArrayList<>(List.of(resource.getAnnotations()));
            for (Method method : resource.getMethods()) {
                annotations.addAll(List.of(method.getAnnotations()));
            }
            for (Annotation annotation : annotations) {
                SecurityScheme scheme = annotation.annotationType().getAnnotation(SecurityScheme.class);
                if (scheme != null) {
                    guards.put(annotation.annotationType(), scheme.value());
                }
            }
        }
        return guards;
    }

    /** Reads the WAR itself rather than the JAX-RS runtime, whose registry differs between servers. */
    static List<Class<?>> resourceClasses(ServletContext context) {
        List<Class<?>> resources = new ArrayList<>();
        collect(context, CLASSES, resources);
        return resources;
    }

    private static void collect(ServletContext context, String dir, List<Class<?>> resources) {
        Set<String> entries = context.getResourcePaths(dir);
        if (entries == null) {
            return;
        }
        for (String entry : entries) {
            if (entry.endsWith("/")) {
                collect(context, entry, resources);
            } else if (entry.endsWith(".class") && !entry.contains("$")) {
                String name = entry.substring(CLASSES.length(), entry.length() - ".class".length()).replace('/', '.');
                try {
                    Class<?> type = Class.forName(name, false, OpenApiDocument.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class)) {
                        resources.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable here, so not a resource of this application either
                }
            }
        }
    }
}
