package org.parley.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Reads a record's components in templates ({@code ${hit.title}}) through accessors looked up once per record class.
 *
 * <p>Why: the page's views are records, and OGNL (Thymeleaf's expression language without Spring) finds no JavaBean
 * getter for a record component. It then falls back to scanning every public method of the class, lower-casing each
 * name, on every access, uncached: a third of the CPU of rendering a results page went there. Anything that is not
 * a component (a method used as a property, a field) is left to OGNL's own accessor.
 */
final class RecordPropertyAccessor extends ObjectPropertyAccessor {
    private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> byName = new HashMap<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) return Map.of();
            for (RecordComponent c : components) {
                Method m = c.getAccessor();
                m.setAccessible(true); // records of this package are not public
                byName.put(c.getName(), m);
            }
            return Map.copyOf(byName);
        }
    };

    /**
     * Registers the accessor for every record with OGNL's (JVM-wide) registry of property accessors; idempotent.
     * Records outside the JDK only: what templates may reach in the JDK stays under Thymeleaf's own restrictions.
     */
    static void install() {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordPropertyAccessor());
    }

    @Override
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        if (target instanceof Record && name instanceof String property && !target.getClass().getName().startsWith("java.")) {
            Method accessor = COMPONENTS.get(target.getClass()).get(property);
            if (accessor != null) {
                try {
                    return accessor.invoke(target);
                } catch (IllegalAccessException e) {
                    throw new OgnlException("cannot read " + property, e);
                } catch (InvocationTargetException e) {
                    throw new OgnlException("reading " + property + " failed", e.getCause());
                }
            }
        }
        return super.getProperty(context, target, name);
    }
}
