package org.sightline.api.codelists;

import java.util.List;
import java.util.Map;
import org.sightline.api.codelists.Codelists.Codelist;
import org.sightline.api.codelists.Codelists.CodeMapping;
import org.sightline.api.codelists.Codelists.CodelistVersion;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code codelists} and {@code codelist}: the data dictionary, with versions and organisations' mappings. */
@Controller
class CodelistGraphQlController {

    private final Codelists codelists;

    CodelistGraphQlController(Codelists codelists) {
        this.codelists = codelists;
    }

    @QueryMapping
    List<Codelist> codelists() {
        return codelists.all();
    }

    @QueryMapping
    Codelist codelist(@Argument String type) {
        return codelists.find(type).orElse(null);
    }

    @BatchMapping(typeName = "Codelist", field = "versions")
    Map<Codelist, List<CodelistVersion>> versions(List<Codelist> lists) {
        Map<Integer, List<CodelistVersion>> byType = codelists.versions(lists.stream().map(Codelist::typeId).toList());
        Map<Codelist, List<CodelistVersion>> result = new java.util.LinkedHashMap<>();
        lists.forEach(l -> result.put(l, byType.getOrDefault(l.typeId(), List.of())));
        return result;
    }

    @SchemaMapping(typeName = "Codelist", field = "mappings")
    List<CodeMapping> mappings(Codelist list, @Argument String organisation) {
        return codelists.mappingsOf(organisation, list.type());
    }

    @SchemaMapping(typeName = "CodelistVersion", field = "createdAt")
    String createdAt(CodelistVersion version) {
        return version.createdAt().toString();
    }
}
