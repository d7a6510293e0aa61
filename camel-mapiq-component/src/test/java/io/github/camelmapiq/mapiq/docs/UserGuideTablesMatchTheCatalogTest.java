package io.github.camelmapiq.mapiq.docs;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user guide's option and header tables are the catalog's, as the build renders them: when an option or header
 * changed, this test rewrites the tables of {@code mapiq-component.adoc} from {@code mapiq.json} and fails, so the
 * build that changed the catalog shows the regenerated guide to commit (as Camel's own build regenerates its
 * component docs). A second run passes.
 */
class UserGuideTablesMatchTheCatalogTest {

    @Test
    void theGuidesOptionAndHeaderTablesAreRenderedFromTheCatalog() throws Exception {
        String committed = Files.readString(DocSnippets.GUIDE);
        String rendered = UserGuideTables.render(committed);
        if (!rendered.equals(committed)) {
            Files.writeString(DocSnippets.GUIDE, rendered);
        }

        assertThat(committed)
                .as("the tables of %s were out of date with the catalog and have been regenerated: review and commit "
                    + "the file", DocSnippets.GUIDE)
                .isEqualTo(rendered);
    }
}
