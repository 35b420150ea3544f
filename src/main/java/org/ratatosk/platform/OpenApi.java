package org.ratatosk.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An OpenAPI 3.0 document read from the JAX-RS annotations of the resource classes, so that every
 * resource method is described without annotations of another library. Bodies are JSON-P values,
 * which have no static schema, so operations describe paths, parameters, media types and errors.
 */
public final class OpenApi {

    static final String API_KEY_HEADER = "X-Api-Key";
    static final String CONSOLE = "console";
    static final String CONSOLE_COOKIE = "HERMOD_CONSOLE";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private OpenApi() {
    }

    /** One resource method: its full path (template names only) and HTTP method. */
    public record Endpoint(String path, String method, Class<?> resource, Method javaMethod) {
    }

    /**
     * {@code guards} names, for each guard annotation, the security scheme ({@code operator} or
     * {@code apiKey}) of the operations it is on, by method or by class.
     */
    public static JsonObject describe(Collection<Class<?>> resources, String serverUrl,
                                      Map<Class<? extends Annotation>, String> guards) {
        Map<String, Map<String, JsonObject>> paths = new TreeMap<>();
        resources.stream().flatMap(r -> endpoints(r).stream())
                .sorted(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method))
                .forEach(e -> paths.computeIfAbsent(e.path(), p -> new TreeMap<>())
                        .put(e.method().toLowerCase(Locale.ROOT), operation(e, guards)));
        JsonObjectBuilder pathsJson = Jsons.createObjectBuilder();
        paths.forEach((path, operations) -> {
            JsonObjectBuilder item = Jsons.createObjectBuilder();
            operations.forEach(item::add);
            pathsJson.add(path, item);
        });
        return Jsons.createObjectBuilder()
                .add("openapi", "3.0.3")
                .add("info", Jsons.createObjectBuilder().add("title", "Ratatosk").add("version", "1")
                        .add("description", "Hermod-compatible messaging, mailbox, key and operator APIs. Operator"
                                + " operations take HTTP Basic or the browser console's session: POST /admin/session"
                                + " {user,password} answers {user,csrfToken,idleTimeoutSeconds} and the HttpOnly cookie "
                                + CONSOLE_COOKIE + "; GET shows the session, DELETE signs out; with the cookie, any method"
                                + " but GET and HEAD needs " + CSRF_HEADER + ". Lists marked with the "
                                + Page.NEXT_CURSOR + " header take limit and after (the cursor) and answer a bare array."))
                .add("servers", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder().add("url", serverUrl)))
                .add("paths", pathsJson)
                .add("components", Jsons.createObjectBuilder()
                        .add("securitySchemes", Jsons.createObjectBuilder()
                                .add("apiKey", Jsons.createObjectBuilder().add("type", "apiKey").add("in", "header")
                                        .add("name", API_KEY_HEADER).add("description", "base64(clientId:key)"))
                                .add("operator", Jsons.createObjectBuilder().add("type", "http").add("scheme", "basic"))
                                .add(CONSOLE, Jsons.createObjectBuilder().add("type", "apiKey").add("in", "cookie")
                                        .add("name", CONSOLE_COOKIE).add("description", "The browser console's session, from"
                                                + " POST /admin/session; any method but GET and HEAD also needs the header "
                                                + CSRF_HEADER + " with the session's csrfToken (else 403 CSRF_TOKEN_INVALID)")))
                        .add("schemas", Jsons.createObjectBuilder().add("Error", errorSchema())))
                .build();
    }

    public static List<Endpoint> endpoints(Class<?> resource) {
        Path root = resource.getAnnotation(Path.class);
        if (root == null) {
            return List.of();
        }
        return Arrays.stream(resource.getMethods())
                .filter(m -> httpMethod(m).isPresent())
                .map(m -> new Endpoint(join(root.value(), Optional.ofNullable(m.getAnnotation(Path.class))
                        .map(Path::value).orElse("")), httpMethod(m).orElseThrow(), resource, m))
                .toList();
    }

    static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(h -> h != null)
                .map(HttpMethod::value)
                .findFirst();
    }

    /** {@code /a/{id: [0-9]+}/b} becomes {@code /a/{id}/b}, as OpenAPI writes templates. */
    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.replaceAll("\\{\\s*([\\w.-]+)\\s*:[^/]*}", "{$1}");
    }

    private static JsonObject operation(Endpoint endpoint, Map<Class<? extends Annotation>, String> guards) {
        Method method = endpoint.javaMethod();
        JsonArrayBuilder parameters = Jsons.createArrayBuilder();
        boolean apiKey = false;
        boolean body = false;
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(PathParam.class)) {
                parameters.add(parameter("path", parameter.getAnnotation(PathParam.class).value(), true));
            } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                parameters.add(parameter("query", parameter.getAnnotation(QueryParam.class).value(), false));
            } else if (parameter.isAnnotationPresent(CookieParam.class)) {
                parameters.add(parameter("cookie", parameter.getAnnotation(CookieParam.class).value(), false));
            } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
                String name = parameter.getAnnotation(HeaderParam.class).value();
                if (name.equalsIgnoreCase(API_KEY_HEADER)) {
                    apiKey = true;
                } else {
                    parameters.add(parameter("header", name, false));
                }
            } else if (!parameter.isAnnotationPresent(Context.class) && !parameter.isAnnotationPresent(Suspended.class)
                    && Arrays.stream(parameter.getAnnotations()).noneMatch(OpenApi::isJaxRsParam)) {
                body = true;
            }
        }
        JsonObjectBuilder operation = Jsons.createObjectBuilder()
                .add("operationId", endpoint.resource().getSimpleName() + "_" + method.getName())
                .add("tags", Jsons.createArrayBuilder().add(endpoint.resource().getSimpleName().replace("Resource", "")));
        JsonArray parameterList = parameters.build();
        if (!parameterList.isEmpty()) {
            operation.add("parameters", parameterList);
        }
        if (body) {
            operation.add("requestBody", Jsons.createObjectBuilder().add("required", true)
                    .add("content", content(mediaTypes(method.getAnnotation(Consumes.class),
                            endpoint.resource().getAnnotation(Consumes.class)), Jsons.createObjectBuilder().build())));
        }
        boolean empty = method.getReturnType() == void.class && Arrays.stream(method.getParameters())
                .noneMatch(p -> p.isAnnotationPresent(Suspended.class));
        JsonObjectBuilder responses = Jsons.createObjectBuilder();
        if (empty) {
            responses.add("204", Jsons.createObjectBuilder().add("description", "Done"));
        } else if (method.isAnnotationPresent(Paged.class)) {
            responses.add("200", pagedResponse(method.getAnnotation(Paged.class).items()));
        } else {
            responses.add("200", Jsons.createObjectBuilder().add("description", "Success")
                    .add("content", content(mediaTypes(method.getAnnotation(Produces.class),
                            endpoint.resource().getAnnotation(Produces.class)), schemaOf(method.getReturnType()))));
        }
        responses.add("default", Jsons.createObjectBuilder().add("description", "Error in the contract's shape")
                .add("content", Jsons.createObjectBuilder().add(MediaType.APPLICATION_JSON, Jsons.createObjectBuilder()
                        .add("schema", Jsons.createObjectBuilder().add("$ref", "#/components/schemas/Error")))));
        operation.add("responses", responses);
        Optional<String> scheme = apiKey ? Optional.of("apiKey") : guards.entrySet().stream()
                .filter(g -> method.isAnnotationPresent(g.getKey()) || endpoint.resource().isAnnotationPresent(g.getKey()))
                .map(Map.Entry::getValue).findFirst();
        scheme.ifPresent(name -> {
            JsonArrayBuilder security = Jsons.createArrayBuilder().add(Jsons.createObjectBuilder().add(name, JsonArray.EMPTY_JSON_ARRAY));
            if (name.equals("operator")) {
                security.add(Jsons.createObjectBuilder().add(CONSOLE, JsonArray.EMPTY_JSON_ARRAY));
            }
            operation.add("security", security);
        });
        return operation.build();
    }

    /** A page of a list: the bare array, and the next page's cursor in headers when there is one. */
    private static JsonObject pagedResponse(String items) {
        JsonObject text = Jsons.createObjectBuilder().add("type", "string").build();
        JsonObjectBuilder itemSchema = Jsons.createObjectBuilder();
        if (!items.isEmpty()) {
            itemSchema.add("type", "object").add("description", items);
        }
        return Jsons.createObjectBuilder()
                .add("description", "A page: at most limit items; when more follow, the headers name the next page"
                        + " (pass after=<cursor> with the same filters). A malformed cursor is 400 INVALID_FIELD.")
                .add("headers", Jsons.createObjectBuilder()
                        .add(Page.NEXT_CURSOR, Jsons.createObjectBuilder().add("description", "Opaque cursor of the next page").add("schema", text))
                        .add("Link", Jsons.createObjectBuilder().add("description", "<path?filters&after=cursor>; rel=\"next\"").add("schema", text)))
                .add("content", Jsons.createObjectBuilder().add(MediaType.APPLICATION_JSON, Jsons.createObjectBuilder()
                        .add("schema", Jsons.createObjectBuilder().add("type", "array").add("items", itemSchema))))
                .build();
    }

    private static boolean isJaxRsParam(Annotation annotation) {
        return annotation.annotationType().getPackageName().equals("jakarta.ws.rs");
    }

    private static JsonObject parameter(String in, String name, boolean required) {
        return Jsons.createObjectBuilder().add("name", name).add("in", in).add("required", required)
                .add("schema", Jsons.createObjectBuilder().add("type", "string")).build();
    }

    private static List<String> mediaTypes(Annotation onMethod, Annotation onClass) {
        Annotation chosen = onMethod != null ? onMethod : onClass;
        String[] values = chosen instanceof Produces p ? p.value() : chosen instanceof Consumes c ? c.value()
                : new String[] {MediaType.APPLICATION_JSON};
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(",")))
                .map(v -> v.split(";")[0].trim()).distinct().toList();
    }

    private static JsonObject content(List<String> mediaTypes, JsonObject schema) {
        JsonObjectBuilder content = Jsons.createObjectBuilder();
        for (String type : mediaTypes) {
            JsonObject typeSchema = type.startsWith("image/") || type.startsWith("application/octet")
                    ? Jsons.createObjectBuilder().add("type", "string").add("format", "binary").build()
                    : type.startsWith("text/") ? Jsons.createObjectBuilder().add("type", "string").build() : schema;
            content.add(type, Jsons.createObjectBuilder().add("schema", typeSchema));
        }
        return content.build();
    }

    private static JsonObject schemaOf(Class<?> type) {
        if (jakarta.json.JsonArray.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return Jsons.createObjectBuilder().add("type", "array").add("items", Jsons.createObjectBuilder()).build();
        }
        if (type == String.class) {
            return Jsons.createObjectBuilder().add("type", "string").build();
        }
        return Jsons.createObjectBuilder().add("type", "object").build();
    }

    private static JsonObject errorSchema() {
        return Jsons.createObjectBuilder().add("type", "object")
                .add("required", Jsons.createArrayBuilder().add("code").add("message"))
                .add("properties", Jsons.createObjectBuilder()
                        .add("code", Jsons.createObjectBuilder().add("type", "string"))
                        .add("message", Jsons.createObjectBuilder().add("type", "string"))
                        .add("details", Jsons.createObjectBuilder().add("type", "object")))
                .build();
    }
}
