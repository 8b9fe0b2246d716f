package dev.ladder.reflection.sql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Wraps a real connection of the unprivileged test role so that the role-privilege check sees a
 * superuser named postgres; everything else reaches the real connection. The test role cannot be
 * made a superuser, and a real superuser connection is not available to the tests.
 */
final class PrivilegedRole {
    private PrivilegedRole() {}

    static Connection pretend(Connection real) {
        return proxy(Connection.class, real, (method, args) -> {
            Object result = method.invoke(real, args);
            return result instanceof Statement statement && method.getName().equals("createStatement")
                    ? pretend(statement)
                    : result;
        });
    }

    private static Statement pretend(Statement real) {
        return proxy(Statement.class, real, (method, args) -> {
            if (method.getName().equals("executeQuery") && ((String) args[0]).contains("rolsuper")) {
                return method.invoke(real, new Object[] {"SELECT true, 'postgres'"});
            }
            return method.invoke(real, args);
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws ReflectiveOperationException;
    }

    private static <T> T proxy(Class<T> type, T real, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
