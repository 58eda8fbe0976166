package org.sightline.api.graphql;

import graphql.language.AstPrinter;
import graphql.language.InputValueDefinition;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders the GraphQL schema (the {@code *.graphqls} files the server loads) as the Markdown
 * reference in {@code docs/graphql-reference.md}: every query and mutation with its arguments,
 * then every object, input, enum and scalar with its descriptions, linked by type name.
 */
final class SchemaReference {

    static final Path SCHEMA_DIRECTORY = Path.of("src/main/resources/graphql");

    private SchemaReference() {
    }

    /** The reference for the schema files in {@code directory}. */
    static String render(Path directory) throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(p -> p.toString().endsWith(".graphqls")).sorted().toList();
        }
        for (Path file : files) {
            registry.merge(new SchemaParser().parse(Files.readString(file)));
        }
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        List<GraphQLNamedType> types = schema.getAllTypesAsList().stream()
                .filter(t -> !t.getName().startsWith("__") && !t.getName().equals("Query") && !t.getName().equals("Mutation"))
                .filter(t -> !(t instanceof GraphQLScalarType) || !ScalarInfo.isGraphqlSpecifiedScalar(t.getName()))
                .sorted(Comparator.comparing(GraphQLNamedType::getName)).toList();

        StringBuilder out = new StringBuilder();
        out.append("# GraphQL reference\n\n")
                .append("Generated from the schema the server loads (`api/src/main/resources/graphql/*.graphqls`) by\n")
                .append("`GraphQlReferenceTest`, which fails when this page and the schema differ. Do not edit it by hand:\n")
                .append("run `./mvnw -pl api -am test -Dtest=GraphQlReferenceTest -Dsightline.docs.write=true")
                .append(" -Dsurefire.failIfNoSpecifiedTests=false`.\n")
                .append("Every number an answer carries has passed the privacy engine (see [privacy.md](privacy.md)).\n\n");
        out.append("## Queries\n\n");
        operations(out, schema.getQueryType());
        if (schema.getMutationType() != null) {
            out.append("## Mutations\n\n");
            operations(out, schema.getMutationType());
        }
        section(out, "Objects", types.stream().filter(t -> t instanceof GraphQLObjectType).toList());
        section(out, "Inputs", types.stream().filter(t -> t instanceof GraphQLInputObjectType).toList());
        section(out, "Enums", types.stream().filter(t -> t instanceof GraphQLEnumType).toList());
        section(out, "Scalars", types.stream().filter(t -> t instanceof GraphQLScalarType).toList());
        return out.toString();
    }

    private static void operations(StringBuilder out, GraphQLObjectType root) {
        for (GraphQLFieldDefinition field : sorted(root.getFieldDefinitions())) {
            out.append("### ").append(field.getName()).append("\n\n```graphql\n").append(signature(field)).append("\n```\n\n");
            paragraph(out, field.getDescription());
            if (!field.getArguments().isEmpty()) {
                out.append("| argument | type | description |\n|---|---|---|\n");
                for (GraphQLArgument argument : field.getArguments()) {
                    out.append("| `").append(argument.getName()).append("` | ").append(link(argument.getType()))
                            .append(defaultOf(argument.getDefinition())).append(" | ").append(cell(argument.getDescription())).append(" |\n");
                }
                out.append('\n');
            }
            out.append("Returns ").append(link(field.getType())).append(".\n\n");
        }
    }

    private static void section(StringBuilder out, String title, List<GraphQLNamedType> types) {
        if (types.isEmpty()) {
            return;
        }
        out.append("## ").append(title).append("\n\n");
        for (GraphQLNamedType type : types) {
            out.append("<a id=\"").append(anchor(type.getName())).append("\"></a>\n\n### ").append(type.getName()).append("\n\n");
            paragraph(out, type.getDescription());
            if (type instanceof GraphQLObjectType object) {
                out.append("| field | type | description |\n|---|---|---|\n");
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    String arguments = field.getArguments().isEmpty() ? "" : "(" + field.getArguments().stream()
                            .map(a -> a.getName() + ": " + GraphQLTypeUtil.simplePrint(a.getType()) + defaultOf(a.getDefinition()))
                            .collect(Collectors.joining(", ")) + ")";
                    out.append("| `").append(field.getName()).append(arguments).append("` | ").append(link(field.getType()))
                            .append(" | ").append(cell(field.getDescription())).append(" |\n");
                }
                out.append('\n');
            } else if (type instanceof GraphQLInputObjectType input) {
                out.append("| field | type | description |\n|---|---|---|\n");
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    out.append("| `").append(field.getName()).append("` | ").append(link(field.getType()))
                            .append(defaultOf(field.getDefinition())).append(" | ").append(cell(field.getDescription())).append(" |\n");
                }
                out.append('\n');
            } else if (type instanceof GraphQLEnumType enumType) {
                out.append("| value | description |\n|---|---|\n");
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    out.append("| `").append(value.getName()).append("` | ").append(cell(value.getDescription())).append(" |\n");
                }
                out.append('\n');
            }
        }
    }

    private static String signature(GraphQLFieldDefinition field) {
        String arguments = field.getArguments().stream()
                .map(a -> "  " + a.getName() + ": " + GraphQLTypeUtil.simplePrint(a.getType()) + defaultOf(a.getDefinition()).replace("`", ""))
                .collect(Collectors.joining("\n"));
        return field.getName() + (arguments.isEmpty() ? "" : "(\n" + arguments + "\n)") + ": " + GraphQLTypeUtil.simplePrint(field.getType());
    }

    private static String defaultOf(InputValueDefinition definition) {
        return definition == null || definition.getDefaultValue() == null ? "" : " = `" + AstPrinter.printAst(definition.getDefaultValue()) + "`";
    }

    /** The type as printed in the schema, its named type linked to its section. */
    private static String link(GraphQLType type) {
        String printed = GraphQLTypeUtil.simplePrint(type);
        String name = GraphQLTypeUtil.unwrapAll(type).getName();
        if (ScalarInfo.isGraphqlSpecifiedScalar(name)) {
            return "`" + printed + "`";
        }
        return "[`" + printed + "`](#" + anchor(name) + ")";
    }

    /** Types have their own anchors, apart from the headings of queries of the same name (agreement, Agreement). */
    private static String anchor(String typeName) {
        return "type-" + typeName.toLowerCase(Locale.ROOT);
    }

    private static void paragraph(StringBuilder out, String description) {
        if (description != null && !description.isBlank()) {
            out.append(description.strip()).append("\n\n");
        }
    }

    private static String cell(String description) {
        return description == null ? "" : description.strip().replaceAll("\\s*\\n\\s*", " ").replace("|", "\\|");
    }

    private static <T extends GraphQLFieldDefinition> List<T> sorted(List<T> fields) {
        return fields.stream().sorted(Comparator.comparing(GraphQLFieldDefinition::getName)).toList();
    }
}
