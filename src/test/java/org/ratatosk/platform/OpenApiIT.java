package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;

/**
 * Every JAX-RS resource method compiled into the WAR appears in the served OpenAPI document, so a
 * resource added later is checked without touching this test.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void documentDescribesEveryResourceMethod() throws Exception {
        Reply reply = Server.send(Server.request("/hermod/rest/openapi.json").GET());
        assertEquals(200, reply.status());
        JsonObject document = reply.body();
        assertTrue(document.getString("openapi").startsWith("3."));
        JsonObject paths = document.getJsonObject("paths");

        List<String> declared = declaredOperations();
        assertTrue(declared.size() >= 10, "found only " + declared);
        List<String> missing = new ArrayList<>();
        for (String operation : declared) {
            String[] parts = operation.split(" ", 2);
            JsonObject item = paths.getJsonObject(parts[1]);
            if (item == null || !item.containsKey(parts[0].toLowerCase(Locale.ROOT))) {
                missing.add(operation);
            }
        }
        assertEquals(List.of(), missing, "resource methods missing from openapi.json");
        assertTrue(declared.contains("GET /command/{commandId}/qr"), declared.toString());
        assertEquals("X-Api-Key", document.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("apiKey").getString("name"));
    }

    /** "METHOD /path" of every resource method under target/classes, found independently of the server's code. */
    static List<String> declaredOperations() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<String> operations = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                Class<?> type;
                try {
                    type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                            OpenApiIT.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    for (Annotation annotation : method.getAnnotations()) {
                        HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                        if (http != null) {
                            Path sub = method.getAnnotation(Path.class);
                            operations.add(http.value() + " " + openApiPath(root.value(), sub == null ? "" : sub.value()));
                        }
                    }
                }
            }
        }
        return operations;
    }

    private static String openApiPath(String classPath, String methodPath) {
        StringBuilder path = new StringBuilder();
        for (String segment : (classPath + "/" + methodPath).split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            int colon = segment.indexOf(':');
            if (segment.startsWith("{") && colon > 0) {
                segment = "{" + segment.substring(1, colon).trim() + "}";
            }
            path.append('/').append(segment);
        }
        return path.length() == 0 ? "/" : path.toString();
    }
}
