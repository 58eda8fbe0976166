package org.sightline.api.postcodes;

import java.util.List;
import org.sightline.api.postcodes.PostcodeDirectory.DirectoryLoad;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code postcodeDirectory} (the vintage loaded now) and {@code postcodeDirectoryHistory}. */
@Controller
class PostcodeDirectoryGraphQlController {

    private final PostcodeDirectory directory;

    PostcodeDirectoryGraphQlController(PostcodeDirectory directory) {
        this.directory = directory;
    }

    @QueryMapping
    DirectoryLoad postcodeDirectory() {
        return directory.current().orElse(null);
    }

    @QueryMapping
    List<DirectoryLoad> postcodeDirectoryHistory() {
        return directory.history();
    }

    @SchemaMapping(typeName = "PostcodeDirectoryVintage")
    String loadedAt(DirectoryLoad load) {
        return load.loadedAt().toString();
    }
}
