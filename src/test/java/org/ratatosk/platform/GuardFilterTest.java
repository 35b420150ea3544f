package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ratatosk.testsupport.ManualClock;

/** The guard of {@code @Guarded} operations, with a test kind of role credential in header X-Test-Key. */
class GuardFilterTest {

    /** X-Test-Key: "bad" is a wrong credential, otherwise a comma list of the roles it holds. */
    static final class TestKeys implements RoleCredentials {
        @Override
        public Optional<Set<Role>> roles(ContainerRequestContext request) {
            String key = request.getHeaderString("X-Test-Key");
            if (key == null) {
                return Optional.empty();
            }
            if (key.equals("bad")) {
                throw new Unauthenticated("Wrong test key");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : key.split(",")) {
                if (!role.isEmpty()) {
                    roles.add(Role.valueOf(role));
                }
            }
            return Optional.of(roles);
        }
    }

    /** A kind of credential this request never carries, consulted as well. */
    static final class AbsentKeys implements RoleCredentials {
        @Override
        public Optional<Set<Role>> roles(ContainerRequestContext request) {
            return Optional.empty();
        }
    }

    @Path("things")
    @Guarded(Role.KEY_MANAGEMENT)
    public static class ThingsResource {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("use")
        @Guarded({Role.KEY_OPERATION, Role.SERVICE})
        public String use() {
            return "";
        }

        @GET
        @Path("operator")
        @Guarded
        public String operatorOnly() {
            return "";
        }
    }

    private static final String OPERATOR = basic("ops", "s3cret-pass");

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private final GuardFilter filter = filter(List.of(new AbsentKeys(), new TestKeys()));

    private static GuardFilter filter(List<RoleCredentials> kinds) {
        OperatorCredentials operator = new OperatorCredentials();
        operator.config = new Config() {
            @Override
            public String get(String key, String defaultValue) {
                return Map.of("hermod.admin.user", "ops", "hermod.admin.password", "s3cret-pass").getOrDefault(key, defaultValue);
            }
        };
        operator.throttle = new LoginThrottle(Lockouts.standard(new ManualClock()));
        operator.init();
        Guards guards = new Guards();
        guards.operator = operator;
        guards.credentials = instance(kinds);
        guards.sessions = OneSession.asGuardsSeeIt();
        GuardFilter filter = new GuardFilter();
        filter.guards = guards;
        filter.servletRequest = proxy(HttpServletRequest.class, Map.of("getRemoteAddr", "192.0.2.7"));
        return filter;
    }

    private void call(String method, Map<String, String> headers) {
        call(filter, method, headers);
    }

    private static void call(GuardFilter filter, String method, Map<String, String> headers) {
        Method resourceMethod;
        try {
            resourceMethod = ThingsResource.class.getMethod(method);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        filter.resource = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return resourceMethod;
            }

            @Override
            public Class<?> getResourceClass() {
                return ThingsResource.class;
            }
        };
        filter.filter(request(headers));
    }

    private DomainException refused(String method, Map<String, String> headers) {
        return assertThrows(DomainException.class, () -> call(method, headers));
    }

    @Test
    void withoutCredentialsEveryGuardedOperationIsA401WithABasicChallenge() {
        for (String method : List.of("list", "use", "operatorOnly")) {
            DomainException refused = refused(method, Map.of());
            assertEquals(401, refused.code().status(), method);
            assertEquals(ErrorCode.UNAUTHORIZED, refused.code());
            assertEquals("Basic realm=\"hermod\", charset=\"UTF-8\"", ((Unauthenticated) refused).scheme());
        }
    }

    @Test
    void theOperatorPassesEveryGuardedOperation() {
        for (String method : List.of("list", "use", "operatorOnly")) {
            assertDoesNotThrow(() -> call(method, Map.of("Authorization", OPERATOR)), method);
        }
    }

    @Test
    void wrongOperatorCredentialsAreRefusedEvenWithAGoodRoleKey() {
        DomainException refused = refused("list", Map.of("Authorization", basic("ops", "wrong"), "X-Test-Key", "KEY_MANAGEMENT"));
        assertEquals(401, refused.code().status());
        assertEquals("Basic realm=\"hermod\", charset=\"UTF-8\"", ((Unauthenticated) refused).scheme());
        assertEquals(401, refused("list", Map.of("Authorization", "Basic %%%")).code().status());
    }

    @Test
    void aRoleCredentialPassesWhereItsRolesMeetTheOperationsOnly() {
        assertDoesNotThrow(() -> call("list", Map.of("X-Test-Key", "KEY_MANAGEMENT")), "class roles");
        assertDoesNotThrow(() -> call("use", Map.of("X-Test-Key", "APPROVER,SERVICE")), "method roles");
        assertDoesNotThrow(() -> call("use", Map.of("X-Test-Key", "KEY_OPERATION")));

        DomainException classRoleOnMethod = refused("use", Map.of("X-Test-Key", "KEY_MANAGEMENT"));
        assertEquals(403, classRoleOnMethod.code().status(), "the method's roles replace the class's");
        assertEquals(ErrorCode.FORBIDDEN, classRoleOnMethod.code());
        assertEquals(403, refused("operatorOnly", Map.of("X-Test-Key", "KEY_MANAGEMENT,KEY_OPERATION,APPROVER,SERVICE,APPROVER_KEY_MANAGEMENT")).code().status(),
                "no role reaches an operator-only operation");
        assertEquals(403, refused("list", Map.of("X-Test-Key", "")).code().status(), "a credential without roles");
    }

    @Test
    void aWrongRoleCredentialIsThe401OfItsKind() {
        DomainException refused = refused("list", Map.of("X-Test-Key", "bad"));
        assertEquals(401, refused.code().status());
        assertEquals("Wrong test key", refused.getMessage());
    }

    @Test
    void withoutAnyKindOfRoleCredentialOnlyTheOperatorPasses() {
        GuardFilter operatorOnly = filter(List.of());
        assertEquals(401, assertThrows(DomainException.class,
                () -> call(operatorOnly, "list", Map.of("X-Test-Key", "KEY_MANAGEMENT"))).code().status());
        assertDoesNotThrow(() -> call(operatorOnly, "list", Map.of("Authorization", OPERATOR)));
    }

    @Test
    void tenWrongOperatorPasswordsLockTheUserOutOfThatAddressWith429() {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, refused("list", Map.of("Authorization", basic("ops", "guess-" + i))).code().status(), "attempt " + i);
        }
        DomainException locked = refused("list", Map.of("Authorization", OPERATOR));
        assertEquals(429, locked.code().status(), "the right password during the lockout");
        assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, locked.code());
        assertEquals(Duration.ofMinutes(1).toSeconds(), ((Refused) locked).retryAfter().toSeconds());
        assertEquals(60L, locked.details().get("retryAfter"));
        assertDoesNotThrow(() -> call("list", Map.of("X-Test-Key", "KEY_MANAGEMENT")), "other credentials are not locked");
    }

    @Test
    void rolesComeFromTheMethodOverTheClass() throws Exception {
        assertEquals(EnumSet.of(Role.KEY_MANAGEMENT), GuardFilter.roles(ThingsResource.class.getMethod("list"), ThingsResource.class));
        assertEquals(EnumSet.of(Role.KEY_OPERATION, Role.SERVICE),
                GuardFilter.roles(ThingsResource.class.getMethod("use"), ThingsResource.class));
        assertEquals(EnumSet.noneOf(Role.class), GuardFilter.roles(ThingsResource.class.getMethod("operatorOnly"), ThingsResource.class));
    }

    private static ContainerRequestContext request(Map<String, String> headers) {
        return (ContainerRequestContext) Proxy.newProxyInstance(GuardFilterTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    case "getMethod" -> headers.getOrDefault("X-Method", "GET");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The one live console session of these tests: cookie token "live", CSRF token "csrf-of-live". */
    static final class OneSession extends org.ratatosk.console.control.ConsoleSessions {
        static OperatorSessions asGuardsSeeIt() {
            return new org.ratatosk.console.control.ConsoleOperatorSessions(new OneSession());
        }

        @Override
        public Optional<Active> find(String token) {
            return "live".equals(token) ? Optional.of(new Active("live", "ops", "csrf-of-live", 900)) : Optional.empty();
        }
    }

    @Test
    void theConsoleCookieIsTheOperatorAndChangesNeedItsCsrfToken() {
        for (String method : List.of("list", "use", "operatorOnly")) {
            call(method, Map.of("Cookie", "HERMOD_CONSOLE=live"));
            call(method, Map.of("Cookie", "other=1; HERMOD_CONSOLE=live", "X-Method", "HEAD"));
            call(method, Map.of("Cookie", "HERMOD_CONSOLE=live", "X-Method", "POST", "X-CSRF-Token", "csrf-of-live"));
            for (Map<String, String> headers : List.of(Map.of("Cookie", "HERMOD_CONSOLE=live", "X-Method", "POST"),
                    Map.of("Cookie", "HERMOD_CONSOLE=live", "X-Method", "DELETE", "X-CSRF-Token", "csrf-of-other"),
                    Map.of("Cookie", "HERMOD_CONSOLE=live", "X-Method", "PUT", "X-CSRF-Token", "live"))) {
                DomainException refused = refused(method, headers);
                assertEquals(403, refused.code().status(), headers.toString());
                assertEquals(ErrorCode.CSRF_TOKEN_INVALID, refused.code());
            }
        }
    }

    @Test
    void aCookieOfNoLiveSessionIsA401WithoutABasicChallenge() {
        DomainException ended = refused("list", Map.of("Cookie", "HERMOD_CONSOLE=ended"));
        assertEquals(401, ended.code().status());
        assertEquals("HermodConsole realm=\"hermod\"", ((Unauthenticated) ended).scheme(), "a browser page signs in again rather than show a Basic dialog");
        // the cookie is no excuse for a wrong password: Basic is checked as ever
        assertEquals(401, refused("list", Map.of("Cookie", "HERMOD_CONSOLE=live", "Authorization", basic("ops", "wrong"))).code().status());
        // nor does a cookie lend roles to another credential: a key without the role stays a 403
        call("list", Map.of("Cookie", "HERMOD_CONSOLE=ended", "X-Test-Key", "KEY_MANAGEMENT"));
        assertEquals(403, refused("list", Map.of("Cookie", "HERMOD_CONSOLE=ended", "X-Test-Key", "SERVICE")).code().status());
    }

    @SuppressWarnings("unchecked")
    private static Instance<RoleCredentials> instance(List<RoleCredentials> kinds) {
        return (Instance<RoleCredentials>) Proxy.newProxyInstance(GuardFilterTest.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "handles" -> kinds.stream().map(GuardFilterTest::handle).toList();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A handle of a dependent bean, as CDI gives one; destroying it is harmless here. */
    private static Instance.Handle<RoleCredentials> handle(RoleCredentials kind) {
        Bean<?> bean = proxy(Bean.class, Map.of("getScope", Dependent.class));
        return new Instance.Handle<>() {
            @Override
            public RoleCredentials get() {
                return kind;
            }

            @Override
            public Bean<RoleCredentials> getBean() {
                @SuppressWarnings("unchecked")
                Bean<RoleCredentials> typed = (Bean<RoleCredentials>) bean;
                return typed;
            }

            @Override
            public void destroy() {
            }

            @Override
            public void close() {
            }
        };
    }

    private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(GuardFilterTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (!answers.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answers.get(method.getName());
                }));
    }
}
