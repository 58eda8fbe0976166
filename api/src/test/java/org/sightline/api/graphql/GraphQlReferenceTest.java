package org.sightline.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/graphql-reference.md is the schema rendered by {@link SchemaReference}: a schema change
 * without regenerating it fails here. {@code -Dsightline.docs.write=true} rewrites the page.
 */
class GraphQlReferenceTest {

    static final Path PAGE = Path.of("../docs/graphql-reference.md");

    @Test
    void theReferenceInDocsIsTheCurrentSchema() throws IOException {
        String rendered = SchemaReference.render(SchemaReference.SCHEMA_DIRECTORY);
        if (Boolean.getBoolean("sightline.docs.write")) {
            Files.writeString(PAGE, rendered);
        }
        assertThat(PAGE).as("docs/graphql-reference.md (regenerate with -Dsightline.docs.write=true)").exists();
        assertThat(Files.readString(PAGE)).as("docs/graphql-reference.md is out of date: regenerate it with "
                + "./mvnw -pl api -am test -Dtest=GraphQlReferenceTest -Dsightline.docs.write=true -Dsurefire.failIfNoSpecifiedTests=false")
                .isEqualTo(rendered);
        assertThat(rendered).contains("### observations", "### ObservationQuery", "| `EXACT` |", "### GeoJSON");
    }
}
