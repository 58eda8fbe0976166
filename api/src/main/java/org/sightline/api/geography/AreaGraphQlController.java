package org.sightline.api.geography;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.sightline.api.boundaries.BoundaryShapes;
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

    AreaGraphQlController(AreaDirectory areas, BatchLoaderRegistry registry, BoundaryShapes shapes) {
        this.areas = areas;
        registry.<RelativeKey, Object>forName("areaBoundary").registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> {
            Map<RelativeKey, Object> result = new java.util.HashMap<>();
            keys.stream().collect(Collectors.groupingBy(k -> k.type() == null ? "" : k.type())).forEach((zoom, group) -> {
                Map<String, Object> found = shapes.geoJson(group.stream().map(RelativeKey::code).toList(),
                        zoom.isEmpty() ? null : Integer.valueOf(zoom));
                group.forEach(k -> {
                    if (found.containsKey(k.code())) {
                        result.put(k, found.get(k.code()));
                    }
                });
            });
            return result;
        }));
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

    /** The area's boundary as a GeoJSON geometry, simplified for {@code zoom}; null when none was loaded. */
    @SchemaMapping(typeName = "Area", field = "boundary")
    CompletableFuture<Object> boundary(AreaRef area, @Argument Integer zoom, DataLoader<RelativeKey, Object> areaBoundary) {
        return areaBoundary.load(new RelativeKey(area.code(), zoom == null ? null : zoom.toString()));
    }
}
