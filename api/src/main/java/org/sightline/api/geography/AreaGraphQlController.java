package org.sightline.api.geography;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.sightline.api.geography.AreaDirectory.AreaTypeRow;
import org.sightline.api.graphql.Connection;
import org.sightline.api.graphql.Cursors;
import org.sightline.domain.observation.AreaRef;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * GraphQL for areas: {@code areaTypes}, {@code area}, {@code areas} and the {@code Area} fields.
 * Parents and children are batch-loaded per request, so a page of areas costs one statement per
 * field, not one per area.
 */
@Controller
class AreaGraphQlController {

    static final int MAX_PAGE = 1_000;

    /** The (area, type argument) a parent or children lookup is for. */
    record RelativeKey(String code, String type) {
    }

    private final AreaDirectory areas;

    AreaGraphQlController(AreaDirectory areas, BatchLoaderRegistry registry) {
        this.areas = areas;
        registry.forTypePair(RelativeKey.class, AreaRef.class).withName("areaParent")
                .registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> this.<AreaRef>byType(keys, true)));
        registry.<RelativeKey, List<AreaRef>>forName("areaChildren")
                .registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> this.<List<AreaRef>>byType(keys, false)));
    }

    @SuppressWarnings("unchecked")
    private <V> Map<RelativeKey, V> byType(Set<RelativeKey> keys, boolean parents) {
        Map<String, List<RelativeKey>> byTypeArgument = keys.stream()
                .collect(Collectors.groupingBy(k -> k.type() == null ? "" : k.type()));
        Map<RelativeKey, V> result = new java.util.HashMap<>();
        byTypeArgument.forEach((type, group) -> {
            List<String> codes = group.stream().map(RelativeKey::code).toList();
            String typeArgument = type.isEmpty() ? null : type;
            Map<String, ?> found = parents ? areas.parents(codes, typeArgument) : areas.children(codes, typeArgument);
            group.forEach(k -> {
                Object value = found.get(k.code());
                if (value != null) {
                    result.put(k, (V) value);
                }
            });
        });
        return result;
    }

    @QueryMapping
    List<AreaTypeRow> areaTypes() {
        return areas.areaTypes();
    }

    @QueryMapping
    AreaRef area(@Argument String code) {
        return areas.find(code).orElse(null);
    }

    @QueryMapping(name = "areas")
    Connection<AreaRef> areaPage(@Argument String type, @Argument String within, @Argument String search,
                                 @Argument Integer first, @Argument String after) {
        int size = Cursors.pageSize(first, MAX_PAGE);
        AreaDirectory.Page page = areas.page(type, within, search, Cursors.decode(after), size + 1);
        return Connection.of(page.areas(), size, after != null, page.totalCount(), AreaRef::code);
    }

    @SchemaMapping(typeName = "Area", field = "type")
    AreaTypeRow type(AreaRef area) {
        return areas.areaType(area.type());
    }

    @SchemaMapping(typeName = "Area", field = "parent")
    CompletableFuture<AreaRef> parent(AreaRef area, @Argument String type, DataLoader<RelativeKey, AreaRef> areaParent) {
        return areaParent.load(new RelativeKey(area.code(), type));
    }

    @SchemaMapping(typeName = "Area", field = "children")
    CompletableFuture<List<AreaRef>> children(AreaRef area, @Argument String type, DataLoader<RelativeKey, List<AreaRef>> areaChildren) {
        return areaChildren.load(new RelativeKey(area.code(), type)).thenApply(c -> c == null ? List.of() : c);
    }

    /** Boundaries arrive with the boundary import (analysis issue); until an area has one, it is null. */
    @SchemaMapping(typeName = "Area", field = "boundary")
    Object boundary(AreaRef area) {
        return null;
    }
}
