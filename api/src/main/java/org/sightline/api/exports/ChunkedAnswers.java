package org.sightline.api.exports;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.access.Caller;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.ObservationQuery;

/**
 * Answers a big observation question as a run of smaller ones, a chunk of areas at a time in area
 * code order, so an export holds one chunk's rows however many areas it covers.
 * <p>
 * Each chunk is the same question with {@code codes} = the chunk's areas, answered by the privacy
 * engine; the rows are the ones the whole question would give, in the same order: noise is keyed
 * per cell, suppression runs on the whole table of margins whatever was asked, the latest period
 * is the indicator's, and the treatment follows the areas' level, which is the same in every
 * chunk. Explicit codes of more than one area type (whose treatment is the strongest over all of
 * them) and custom geographies (whose treatment follows their members' levels) are therefore
 * answered whole, as one chunk. Answers span one country's margin table; a question over areas
 * of several countries (a level with no within) is answered per chunk, each chunk rooted in its
 * own first area's country, which withholds less than the whole question would but nothing the
 * caller could not ask for country by country.
 */
final class ChunkedAnswers {

    /** Answers one question for a caller: {@code ObservationService::answer}, or a wrapper of it in tests. */
    @FunctionalInterface
    interface Answering {
        List<PublishedObservation> answer(ObservationQuery query, Caller caller);
    }

    /** The next chunk of area codes after a code (null: the first chunk); empty when there are no more. */
    @FunctionalInterface
    private interface AreaPages {
        List<String> after(String code);
    }

    private final AreaDirectory areas;
    private final Answering answering;
    private final int areasPerChunk;

    ChunkedAnswers(AreaDirectory areas, Answering answering, int areasPerChunk) {
        this.areas = areas;
        this.answering = answering;
        this.areasPerChunk = areasPerChunk;
    }

    /**
     * Answers chunks until one has rows, so whatever the question is refused for (indicator, role,
     * level, parameters) is thrown here, before anything is written. When no chunk has rows the
     * whole question is answered instead - it has no data, so it is small - and ends exactly as the
     * same GraphQL question would: empty, or with its error (an unknown area, a bad level).
     */
    Chunks start(ObservationQuery query, Caller caller) {
        Chunks chunks = new Chunks(query, caller, pagesOf(query.areas()));
        chunks.answerUntilTheFirstRows();
        return chunks;
    }

    private AreaPages pagesOf(AreaSelector selector) {
        if (selector.customGeography() != null) {
            return null;
        }
        List<String> codes;
        if (!selector.byCodes()) {
            // Every code at once (a region's LSOAs are a few thousand short strings): one statement
            // per export, not one per chunk.
            codes = areas.codesAt(selector.level(), selector.within(), null, Integer.MAX_VALUE);
        } else {
            List<AreaRef> found = areas.findAll(selector.codes());
            if (found.stream().map(AreaRef::type).distinct().count() > 1 || found.stream().anyMatch(a -> a.type().equals("custom"))) {
                return null;
            }
            codes = found.stream().map(AreaRef::code).toList();
        }
        return after -> {
            int from = after == null ? 0 : codes.indexOf(after) + 1;
            return codes.subList(from, Math.min(codes.size(), from + areasPerChunk));
        };
    }

    /** The answer chunk by chunk; each chunk is answered when it is asked for. Iterate once. */
    final class Chunks implements Iterator<List<PublishedObservation>> {

        private final ObservationQuery query;
        private final Caller caller;
        private final AreaPages pages;
        private String lastCode;
        private boolean exhausted;
        private List<PublishedObservation> pending;
        private PublishedObservation firstRow;

        private Chunks(ObservationQuery query, Caller caller, AreaPages pages) {
            this.query = query;
            this.caller = caller;
            this.pages = pages;
            this.exhausted = pages == null;
        }

        private void answerUntilTheFirstRows() {
            while (hasNext() && pending.isEmpty()) {
                pending = null;
            }
            if (pending == null) {
                pending = answering.answer(query, caller);
            }
            firstRow = pending.isEmpty() ? null : pending.get(0);
        }

        /** The first row of the whole answer, or null when it has none. */
        PublishedObservation firstRow() {
            return firstRow;
        }

        @Override
        public boolean hasNext() {
            if (pending == null && !exhausted) {
                List<String> codes = pages.after(lastCode);
                if (codes.isEmpty()) {
                    exhausted = true;
                } else {
                    lastCode = codes.get(codes.size() - 1);
                    pending = answering.answer(new ObservationQuery(query.indicator(), AreaSelector.codes(codes),
                            query.periods(), query.breakdown(), query.filter(), query.asOf()), caller);
                }
            }
            return pending != null;
        }

        @Override
        public List<PublishedObservation> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<PublishedObservation> chunk = pending;
            pending = null;
            return chunk;
        }
    }
}
