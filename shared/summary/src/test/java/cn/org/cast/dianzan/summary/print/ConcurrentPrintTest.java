package cn.org.cast.dianzan.summary.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The parsed font is shared by every document: documents made on several threads at once come out whole. */
class ConcurrentPrintTest {

    @Test
    void sheetsRenderedInParallelReadTheSameAsOneRenderedAlone() throws Exception {
        List<Supplier<Rendered>> renders = List.of(
                () -> CaseSheetPdf.render(SheetSamples.caseSheet()),
                () -> SummarySheetPdf.render(SheetSamples.summarySheet()),
                () -> ReceiptPdf.render(SheetSamples.receipt(true)));
        List<String> alone = renders.stream().map(render -> Pdfs.text(render.get().bytes())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> parallel = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Supplier<Rendered> render : renders) {
                    parallel.add(pool.submit(() -> Pdfs.text(render.get().bytes())));
                }
            }
            for (int i = 0; i < parallel.size(); i++) {
                assertEquals(alone.get(i % renders.size()), parallel.get(i).get(), "render " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
