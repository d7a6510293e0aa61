package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.util.Objects;

import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import io.github.camelmapiq.mapiq.client.error.Texts;

/**
 * A page as it came off the wire: its body and the token of the next page. When the body ends with its
 * {@code continuationToken}, as Mapiq writes a page, the token is known before any record is read, and the records
 * are read by {@link #page()} on the thread that takes them, while the next page is already being asked for.
 * Otherwise the whole page was read within the call, as {@link PageReader#read(PageBody, boolean)} does.
 */
final class FetchedPage {

    private final PageReader reader;
    private final PageBody body;
    private final String continuationToken;
    private PageReader.Page page;

    FetchedPage(PageReader reader, PageBody body, String continuationToken, PageReader.Page page) {
        this.reader = reader;
        this.body = body;
        this.continuationToken = continuationToken;
        this.page = page;
    }

    static FetchedPage of(PageReader.Page page) {
        return new FetchedPage(null, null, page.continuationToken(), page);
    }

    /** The token of the next page, {@code null} on the last page. */
    String continuationToken() {
        return continuationToken;
    }

    /**
     * The page's records, read now if they were not read within the call. Read here, a body that does not hold
     * together is a bad answer, never a broken-off one: the call that fetched it has ended, and its body ended as
     * a page ends.
     */
    PageReader.Page page() throws IOException, MapiqResponseException {
        if (page == null) {
            PageReader.Page read = reader.read(body, false);
            if (!Objects.equals(read.continuationToken(), continuationToken)) {
                throw reader.bad("continuationToken " + quote(continuationToken) + " at its end and "
                                 + quote(read.continuationToken()) + " before it", null);
            }
            page = read;
        }
        return page;
    }

    private static String quote(String token) {
        return token == null ? "null" : "'" + Texts.abbreviate(token, 40) + "'";
    }
}

