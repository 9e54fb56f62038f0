package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.usage.DailyTokens;
import dev.cyberdevstudio.engine.usage.TokenLedger;
import dev.cyberdevstudio.llm.RuntimeEvent;
import dev.cyberdevstudio.llm.UsageRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View model of the Usage tab: the last 100 requests from the token ledger and tokens per day by model. It reads
 * the ledger again when a generation ends; several endings close together cause one read, not one each.
 */
public final class UsageViewModel {

    public static final int RECENT_LIMIT = 100;
    public static final int DAYS = 14;

    private static final Logger LOG = LoggerFactory.getLogger(UsageViewModel.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final TaskExecutor executor;
    private final TokenLedger ledger;
    private final Clock clock;
    private final ObservableList<UsageRecord> requests = FXCollections.observableArrayList();
    private final ObservableList<String> days = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<String, Number>> tokensPerDay = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean readAgain = new AtomicBoolean();

    public UsageViewModel(TaskExecutor executor, TokenLedger ledger, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The newest requests first, at most {@link #RECENT_LIMIT}. */
    public ObservableList<UsageRecord> requests() {
        return requests;
    }

    /** The chart's categories: the last {@link #DAYS} days, oldest first, as "MM-dd". */
    public ObservableList<String> days() {
        return days;
    }

    /** One series per model: total tokens (prompt + generated) per day. */
    public ObservableList<XYChart.Series<String, Number>> tokensPerDay() {
        return tokensPerDay;
    }

    /** "312 requests, 48.2K tokens in the last 14 days", or why the ledger could not be read. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Reads the ledger off the UI thread; a call while a read runs makes one more read after it. */
    public void refresh() {
        if (!reading.compareAndSet(false, true)) {
            readAgain.set(true);
            return;
        }
        executor.submit(() -> new Snapshot(ledger.recent(RECENT_LIMIT), ledger.tokensPerDay(DAYS)), snapshot -> {
            show(snapshot);
            finishRead();
        }, failure -> {
            LOG.warn("Could not read the token ledger", failure);
            summary.set("Could not read the token ledger: " + ModelsViewModel.reason(failure));
            finishRead();
        });
    }

    /** Any thread: a finished generation means new rows. */
    void onRuntimeEvent(RuntimeEvent event) {
        if (event instanceof RuntimeEvent.GenerationEnded) {
            executor.runOnUi(this::refresh);
        }
    }

    private void finishRead() {
        reading.set(false);
        if (readAgain.getAndSet(false)) {
            refresh();
        }
    }

    private void show(Snapshot snapshot) {
        requests.setAll(snapshot.recent().stream().limit(RECENT_LIMIT).toList());
        var today = LocalDate.now(clock);
        var labels = IntStream.rangeClosed(0, DAYS - 1).mapToObj(back -> today.minusDays(DAYS - 1 - back))
            .map(DAY::format).toList();
        days.setAll(labels);
        Map<String, Map<String, Long>> byModel = new TreeMap<>();
        long tokens = 0;
        int count = 0;
        for (DailyTokens day : snapshot.daily()) {
            byModel.computeIfAbsent(day.model(), model -> new TreeMap<>())
                .merge(DAY.format(day.day()), day.totalTokens(), Long::sum);
            tokens += day.totalTokens();
            count += day.requests();
        }
        tokensPerDay.setAll(byModel.entrySet().stream().map(model -> {
            var series = new XYChart.Series<String, Number>();
            series.setName(model.getKey());
            labels.stream().filter(model.getValue()::containsKey)
                .forEach(label -> series.getData().add(new XYChart.Data<>(label, model.getValue().get(label))));
            return series;
        }).toList());
        summary.set(count + (count == 1 ? " request, " : " requests, ") + Formats.count(tokens) + " tokens in the last "
            + DAYS + " days");
    }

    private record Snapshot(List<UsageRecord> recent, List<DailyTokens> daily) {
    }
}
