package cn.org.cast.dianzan.functions.campaign;

import cn.org.cast.dianzan.engines.LocalEngines;
import cn.org.cast.dianzan.engines.Provisioner;
import cn.org.cast.dianzan.engines.SamTemplate;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.LambdaEvents;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * A benchmark, not a test (bin/soak): a warm instance of the campaign function serves N calls of
 * GET /campaign against dynalite; every batch prints latency, bean definitions and heap. With
 * {@code --default-factory} each call also does what micronaut-function-aws 4.11.0's own context
 * factory does (register the Context, logger and identity as new singletons), for comparison.
 */
public final class WarmCallSoak {

    private WarmCallSoak() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        boolean defaultFactory = Arrays.asList(args).contains("--default-factory");
        int batches = 10;
        int perBatch = calls / batches;
        try (LocalEngines engines = LocalEngines.inMemory(Files.createTempDirectory("soak"))) {
            var properties = Provisioner.provision(engines, SamTemplate.load(), "soak-").properties();
            try (ApplicationContext context = ApplicationContext.builder().properties(
                    new java.util.HashMap<String, Object>(properties)).start();
                 CampaignHandler handler = new CampaignHandler(context)) {
                APIGatewayV2HTTPEvent event = LambdaEvents.http("campaign/get-campaign.json");
                DefaultLambdaContextFactory leaky = new DefaultLambdaContextFactory(context);
                for (int i = 0; i < 2_000; i++) {
                    call(handler, event, defaultFactory ? leaky : null);
                }
                System.out.printf("%s, %d calls in %d batches%n", defaultFactory
                        ? "with 4.11.0's DefaultLambdaContextFactory behaviour" : "with SteadyLambdaContextFactory",
                        perBatch * batches, batches);
                System.out.println("batch  median_us  p99_us  bean_definitions  heap_MB");
                long[] nanos = new long[perBatch];
                for (int batch = 1; batch <= batches; batch++) {
                    for (int i = 0; i < perBatch; i++) {
                        long start = System.nanoTime();
                        call(handler, event, defaultFactory ? leaky : null);
                        nanos[i] = System.nanoTime() - start;
                    }
                    Arrays.sort(nanos);
                    System.gc();
                    Runtime runtime = Runtime.getRuntime();
                    System.out.printf("%5d  %9d  %6d  %16d  %7d%n", batch, nanos[perBatch / 2] / 1000,
                            nanos[(int) (perBatch * 0.99)] / 1000, context.getAllBeanDefinitions().size(),
                            (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
                }
            }
        }
    }

    private static void call(CampaignHandler handler, APIGatewayV2HTTPEvent event, DefaultLambdaContextFactory leaky) {
        Context context = new FakeLambdaContext();
        if (leaky != null) {
            leaky.registerSingletons(context);
        }
        if (handler.handleRequest(event, context).getStatusCode() != 200) {
            throw new IllegalStateException("GET /campaign did not answer 200");
        }
    }
}
