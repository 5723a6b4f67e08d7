package com.orderguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.orderguard.domain.Marketplace;
import com.orderguard.support.Calendars;
import com.orderguard.support.Packs;

/**
 * What the native image carries in its heap from {@link PolicyImage}: the catalogs the loaders read, made of JDK
 * and OrderGuard domain objects only (the native build initializes the domain's classes at build time, see
 * docs/performance.md), and no Jackson object, which must never be left in the image heap.
 */
class PolicyImageTest {

    @Test
    void theImageHoldsEveryPackAndCalendarTheLoadersRead() {
        for (Marketplace marketplace : Marketplace.values()) {
            assertThat(PolicyImage.packs().sites(marketplace)).as(marketplace.name())
                    .isEqualTo(Packs.CATALOG.sites(marketplace));
        }
        assertThat(PolicyImage.calendars().all().keySet()).isEqualTo(Calendars.CATALOG.all().keySet());
    }

    @Test
    void everythingReachableFromTheImage_isJdkOrDomain_neverJackson() throws IllegalAccessException {
        Set<String> classes = reachableClasses(PolicyImage.packs(), PolicyImage.calendars());
        assertThat(classes).isNotEmpty().noneMatch(name -> name.startsWith("com.fasterxml"))
                .allMatch(name -> name.startsWith("java.") || name.startsWith("com.orderguard.domain."));
    }

    /**
     * The classes of every object reachable from {@code roots}: JDK collections through their elements, JDK
     * values as leaves, OrderGuard objects (records, enums, lambdas) through their fields.
     */
    private static Set<String> reachableClasses(Object... roots) throws IllegalAccessException {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> classes = new TreeSet<>();
        Deque<Object> todo = new ArrayDeque<>();
        Consumer<Object> add = object -> {
            if (object != null) {
                todo.push(object);
            }
        };
        for (Object root : roots) {
            add.accept(root);
        }
        while (!todo.isEmpty()) {
            Object object = todo.pop();
            if (!seen.add(object)) {
                continue;
            }
            Class<?> type = object.getClass();
            classes.add(type.isArray() ? type.getComponentType().getName() + "[]" : type.getName());
            if (object instanceof Object[] array) {
                for (Object element : array) {
                    add.accept(element);
                }
            } else if (object instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    add.accept(key);
                    add.accept(value);
                });
            } else if (object instanceof Iterable<?> iterable) {
                iterable.forEach(add);
            } else if (!type.getName().startsWith("java.") && !type.isPrimitive()) {
                for (Class<?> c = type; c != null && !c.getName().startsWith("java."); c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                            field.setAccessible(true);
                            add.accept(field.get(object));
                        }
                    }
                }
            }
        }
        return classes;
    }
}
