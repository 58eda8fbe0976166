package org.sightline.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.observations.ObservationService;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.access.Caller;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.ObservationQuery;
import org.springframework.beans.factory.annotation.Autowired;

/** A big question answered a chunk of areas at a time gives the rows the whole question gives, in the same order. */
class ChunkedAnswersTest extends SightlineTest {

    @Autowired
    ObservationService observations;
    @Autowired
    AreaDirectory areas;

    private final List<List<String>> asked = new ArrayList<>();

    @Test
    void codesOfOneAreaTypeAreAnsweredAChunkAtATimeInCodeOrder() {
        List<String> wards = List.of("Z05000010", "Z05000003", "Z05000007", "Z05000001", "Z05000002", "Z05000009",
                "Z05000004", "Z05000008", "Z05000006", "Z05000005");
        ObservationQuery query = new ObservationQuery("demo-service-contacts", AreaSelector.codes(wards), null, List.of("sex"), List.of());

        List<PublishedObservation> chunked = answerInChunksOf(3, query);

        assertThat(asked).containsExactly(List.of("Z05000001", "Z05000002", "Z05000003"), List.of("Z05000004", "Z05000005", "Z05000006"),
                List.of("Z05000007", "Z05000008", "Z05000009"), List.of("Z05000010"));
        assertThat(chunked).hasSize(20).isEqualTo(observations.answer(query, Caller.PUBLIC));
    }

    @Test
    void codesOfSeveralAreaTypesAreAnsweredWholeSoOneTreatmentCoversThemAll() {
        ObservationQuery query = new ObservationQuery("demo-population",
                AreaSelector.codes(List.of("Z05000001", "Z05000002", "Z08000001", "Z08000002")), null, List.of(), List.of());

        List<PublishedObservation> chunked = answerInChunksOf(1, query);

        assertThat(asked).containsExactly(List.of("Z05000001", "Z05000002", "Z08000001", "Z08000002"));
        assertThat(chunked).isEqualTo(observations.answer(query, Caller.PUBLIC));
    }

    @Test
    void aLevelInsideAnAreaIsPagedByCodeAndSkipsNothing() {
        ObservationQuery query = new ObservationQuery("demo-emergency-admissions", AreaSelector.within("Z08000002", "ward"), null,
                List.of("sex"), List.of());

        List<PublishedObservation> chunked = answerInChunksOf(6, query);

        assertThat(asked).hasSize(4).allSatisfy(codes -> assertThat(codes.size()).isLessThanOrEqualTo(6));
        assertThat(asked.stream().flatMap(List::stream)).hasSize(20).doesNotHaveDuplicates();
        assertThat(chunked).hasSize(40).isEqualTo(observations.answer(query, Caller.PUBLIC));
    }

    /** Every row of the question, answered chunk by chunk for the public, recording the area codes of each question asked. */
    private List<PublishedObservation> answerInChunksOf(int areasPerChunk, ObservationQuery query) {
        ChunkedAnswers.Answering recording = (q, caller) -> {
            asked.add(q.areas().codes());
            return observations.answer(q, caller);
        };
        List<PublishedObservation> rows = new ArrayList<>();
        new ChunkedAnswers(areas, recording, areasPerChunk).start(query, Caller.PUBLIC).forEachRemaining(rows::addAll);
        return rows;
    }
}
