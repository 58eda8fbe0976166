package org.sightline.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.domain.catalogue.RefreshFrequency;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.indicator.Polarity;
import org.sightline.domain.statistics.IntervalMethod;
import org.sightline.domain.statistics.TrendClassification;
import org.sightline.domain.time.PeriodType;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.JsonNode;

/**
 * The schema says what a client may rely on: a field with a fixed set of values is a GraphQL enum
 * whose values are exactly the service's own (so a generated TypeScript or Java client gets a
 * union type, and a value the schema does not list can never be sent), and every input is bound
 * to a typed record rather than a map. The demo's answers carry these enums without error.
 */
class SchemaTypesTest extends SightlineTest {

    private static final String TYPE_OF_FIELDS = """
            query($name: String!) { __type(name: $name) { fields { name type { kind name ofType { kind name } } } } }""";
    private static final String ENUM_VALUES = """
            query($name: String!) { __type(name: $name) { kind enumValues { name } } }""";

    @Test
    void fieldsWithAFixedSetOfValuesAreEnumsOfTheServicesValues() {
        assertEnumField("Indicator", "measureType", "MeasureType", names(MeasureType.values()));
        assertEnumField("Indicator", "polarity", "Polarity", names(Polarity.values()));
        assertEnumField("Indicator", "disclosureClass", "DisclosureClass", names(DisclosureClass.values()));
        assertEnumField("AgreementIndicator", "disclosureClass", "DisclosureClass", names(DisclosureClass.values()));
        assertEnumField("Period", "type", "PeriodType", names(PeriodType.values()));
        Set<String> intervalMethods = names(IntervalMethod.values());
        intervalMethods.add("SUPPLIED");
        assertEnumField("Observation", "ciMethod", "IntervalMethod", intervalMethods);
        assertEnumField("ConfidenceInterval", "method", "IntervalMethod", intervalMethods);
        assertEnumField("Trend", "recentTrend", "TrendClassification", names(TrendClassification.values()));
        assertEnumField("Refresh", "frequency", "RefreshFrequency", names(RefreshFrequency.values()));
        assertEnumField("Disclosure", "status", "DisclosureStatus", names(org.sightline.privacy.DisclosureStatus.values()));
    }

    @Test
    void theDemoAnswersCarryTheEnumsAndTheTrendPhraseMatchesItsMarker() {
        JsonNode indicators = api().data("{ indicators(first: 100) { edges { node { id measureType polarity disclosureClass"
                + " periods { type } } } } }", Map.of()).path("indicators").path("edges");
        assertThat(indicators.size()).isGreaterThan(3);
        for (JsonNode edge : indicators) {
            JsonNode node = edge.path("node");
            assertThat(names(MeasureType.values())).contains(node.path("measureType").asString());
            assertThat(names(Polarity.values())).contains(node.path("polarity").asString());
            assertThat(names(DisclosureClass.values())).contains(node.path("disclosureClass").asString());
        }
        String indicator = indicators.get(0).path("node").path("id").asString();
        JsonNode trends = api().data("query($q: ObservationQuery!) { trend(query: $q) { classification recentTrend"
                        + " points { ciMethod confidenceInterval(level: CI_99_8) { method } } } }",
                Map.of("q", Map.of("indicator", indicator, "areas", Map.of("within", "Z12000001", "level", "lad")))).path("trend");
        assertThat(trends.size()).isPositive();
        for (JsonNode trend : trends) {
            TrendClassification marker = TrendClassification.valueOf(trend.path("recentTrend").asString());
            assertThat(trend.path("classification").asString()).startsWith(marker.phrase());
        }
    }

    @Test
    void everyGraphQlArgumentIsBoundToATypedValueNotAMap() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<String> mapArguments = new ArrayList<>();
        int arguments = 0;
        for (BeanDefinition controller : scanner.findCandidateComponents("org.sightline.api")) {
            for (Method method : Class.forName(controller.getBeanClassName()).getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(Argument.class)) {
                        arguments++;
                        if (Map.class.isAssignableFrom(parameter.getType()) || parameter.getType() == Object.class
                                || hasMapComponent(parameter.getType())) {
                            mapArguments.add(method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(" + parameter.getName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(arguments).as("@Argument parameters found").isGreaterThan(20);
        assertThat(mapArguments).isEmpty();
    }

    /** A record bound from an input type whose components (or theirs) are maps is a map in disguise. */
    private static boolean hasMapComponent(Class<?> type) {
        if (!type.isRecord()) {
            return false;
        }
        return Arrays.stream(type.getRecordComponents()).anyMatch(c -> Map.class.isAssignableFrom(c.getType())
                || c.getGenericType().getTypeName().contains("java.util.Map") || hasMapComponent(c.getType()));
    }

    private void assertEnumField(String type, String field, String enumName, Set<String> values) {
        JsonNode fields = api("demo-admin").data(TYPE_OF_FIELDS, Map.of("name", type)).path("__type").path("fields");
        JsonNode fieldType = Stream.of(fields).flatMap(f -> java.util.stream.StreamSupport.stream(f.spliterator(), false))
                .filter(f -> f.path("name").asString().equals(field)).findFirst().orElseThrow(
                        () -> new AssertionError(type + "." + field + " is not in the schema")).path("type");
        JsonNode named = fieldType.path("kind").asString().equals("NON_NULL") ? fieldType.path("ofType") : fieldType;
        assertThat(named.path("kind").asString()).as(type + "." + field).isEqualTo("ENUM");
        assertThat(named.path("name").asString()).as(type + "." + field).isEqualTo(enumName);
        JsonNode enumType = api("demo-admin").data(ENUM_VALUES, Map.of("name", enumName)).path("__type");
        Set<String> schemaValues = new LinkedHashSet<>();
        enumType.path("enumValues").forEach(v -> schemaValues.add(v.path("name").asString()));
        assertThat(schemaValues).as("values of " + enumName).isEqualTo(values);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
