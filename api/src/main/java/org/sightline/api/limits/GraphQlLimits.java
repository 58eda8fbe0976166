package org.sightline.api.limits;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Bounds what one GraphQL operation may ask for, before any of it runs: its depth, its cost, its
 * root fields and aliases, and the number of values in any list argument. Checked on every
 * execution (not at validation, which the parsed-document cache skips), with the variables
 * applied, so a limit cannot be dodged by moving values into variables. Each refusal is a
 * BAD_REQUEST error naming the limit and its value.
 *
 * <p>A field costs 1 for every item of every list above it: a connection is assumed to give
 * {@code first} items (its page size), any other list {@code list-factor} items. So
 * {@code children { parent { children { code } } } } costs far more than its few characters. The
 * default bounds an answer at about the size of the largest page of observations (10,000 rows of
 * a few dozen fields), which stays answerable.
 * Introspection ({@code __schema}, {@code __type}) is bounded by the schema and not counted.
 */
@Component
class GraphQlLimits extends SimplePerformantInstrumentation {

    private static final String PREFIX = "sightline.limits.graphql-";

    private final int maxDepth;
    private final long maxCost;
    private final int listFactor;
    private final int maxRootFields;
    private final int maxAliases;
    private final int maxListValues;

    GraphQlLimits(@Value("${sightline.limits.graphql-max-depth:12}") int maxDepth,
                  @Value("${sightline.limits.graphql-max-cost:1000000}") long maxCost,
                  @Value("${sightline.limits.graphql-list-factor:10}") int listFactor,
                  @Value("${sightline.limits.graphql-max-root-fields:20}") int maxRootFields,
                  @Value("${sightline.limits.graphql-max-aliases:20}") int maxAliases,
                  @Value("${sightline.limits.graphql-max-list-values:1000}") int maxListValues) {
        this.maxDepth = maxDepth;
        this.maxCost = maxCost;
        this.listFactor = listFactor;
        this.maxRootFields = maxRootFields;
        this.maxAliases = maxAliases;
        this.maxListValues = maxListValues;
    }

    /** What an operation asks for, as the limits measure it. */
    record Measure(int depth, long cost, int rootFields, int aliases, int longestList) {
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                                InstrumentationState state) {
        Measure measure = measure(parameters.getExecutionContext());
        String refusal = refusal(measure);
        if (refusal != null) {
            GraphQLError error = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(refusal).build();
            throw new AbortExecutionException(List.of(error));
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** Why the measured operation is refused, or null when it is within every limit. */
    String refusal(Measure m) {
        if (m.longestList() > maxListValues) {
            return "a list argument has " + m.longestList() + " values; at most " + maxListValues + " are allowed ("
                    + PREFIX + "max-list-values)";
        }
        if (m.rootFields() > maxRootFields) {
            return "the operation asks " + m.rootFields() + " root fields; at most " + maxRootFields + " are allowed ("
                    + PREFIX + "max-root-fields)";
        }
        if (m.aliases() > maxAliases) {
            return "the operation uses " + m.aliases() + " aliases; at most " + maxAliases + " are allowed (" + PREFIX + "max-aliases)";
        }
        if (m.depth() > maxDepth) {
            return "the operation is nested " + m.depth() + " fields deep; at most " + maxDepth + " are allowed (" + PREFIX + "max-depth)";
        }
        if (m.cost() > maxCost) {
            return "the operation's cost is " + (m.cost() == Long.MAX_VALUE ? "beyond counting" : m.cost()) + "; at most " + maxCost
                    + " is allowed (" + PREFIX + "max-cost: each field costs 1 for every item of every list above it, a page "
                    + "counting its first items and any other list " + listFactor + ")";
        }
        return null;
    }

    Measure measure(ExecutionContext context) {
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build();
        long[] cost = {0};
        int[] counts = new int[4]; // depth, root fields, aliases, longest list
        traverser.visitPreOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment env) {
                if (env.isTypeNameIntrospectionField() || introspection(env)) {
                    return;
                }
                // A field costs 1 for every item of every list above it: the product of the factors.
                int depth = 1;
                long weight = 1;
                for (QueryVisitorFieldEnvironment above = env.getParentEnvironment(); above != null; above = above.getParentEnvironment()) {
                    depth++;
                    weight = saturatedMultiply(weight, items(above));
                }
                cost[0] = saturatedAdd(cost[0], weight);
                counts[0] = Math.max(counts[0], depth);
                if (env.getParentEnvironment() == null) {
                    counts[1]++;
                }
                if (env.getField().getAlias() != null) {
                    counts[2]++;
                }
                for (Object argument : env.getArguments().values()) {
                    counts[3] = Math.max(counts[3], longestList(argument));
                }
            }
        });
        return new Measure(counts[0], cost[0], counts[1], counts[2], counts[3]);
    }

    /**
     * The items a field is assumed to give the fields below it: a list in a connection (its
     * {@code edges}) holds the connection's page size ({@code first}, its default included), any
     * other list {@code list-factor} items; a single value is one.
     */
    private long items(QueryVisitorFieldEnvironment field) {
        if (!(GraphQLTypeUtil.unwrapNonNull(field.getFieldDefinition().getType()) instanceof GraphQLList)) {
            return 1;
        }
        QueryVisitorFieldEnvironment connection = field.getParentEnvironment();
        if (connection != null && connection.getArguments().get("first") instanceof Number first) {
            return Math.max(1, first.longValue());
        }
        return listFactor;
    }

    private static boolean introspection(QueryVisitorFieldEnvironment env) {
        for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
            if (e.getFieldDefinition().getName().startsWith("__")) {
                return true;
            }
        }
        return false;
    }

    /** The most values in any list within an argument value (lists inside input objects included). */
    static int longestList(Object value) {
        if (value instanceof Collection<?> list) {
            int longest = list.size();
            for (Object item : list) {
                if (item instanceof Collection<?> || item instanceof Map<?, ?>) {
                    longest = Math.max(longest, longestList(item));
                }
            }
            return longest;
        }
        if (value instanceof Map<?, ?> fields) {
            int longest = 0;
            for (Object field : fields.values()) {
                longest = Math.max(longest, longestList(field));
            }
            return longest;
        }
        return 0;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }
}
