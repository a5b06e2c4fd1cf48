using System.Diagnostics.Metrics;

namespace Haarlem.Initiatives.Grains.Common;

/// <summary>
/// The hub's own measurements of its grains and background work, in the meter
/// <see cref="MeterName"/> (docs/operations.md, "Metrics", says what each means and what to alert
/// on). Made through the host's <see cref="IMeterFactory"/>, so every host has its own instruments.
/// </summary>
public sealed class HubMetrics
{
    /// <summary>The meter of every measurement the hub makes itself (the web process adds its own instruments to it).</summary>
    public const string MeterName = "Haarlem.Initiatives";

    private static readonly double[] LagBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly Histogram<double> _deliveryLag;
    private readonly Counter<long> _feedItems;
    private readonly Counter<long> _mailSent;
    private readonly Counter<long> _mailFailed;
    private readonly UpDownCounter<long> _mailWaiting;
    private readonly Counter<long> _swept;
    // -1 until first read: a gauge says nothing before that, rather than a false zero after a start.
    private long _outboxWaiting = -1;
    private double _outboxOldestSeconds;
    private long _overdueSteps = -1;

    public HubMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _deliveryLag = meter.CreateHistogram(
            "hub.delivery.lag", "s",
            "From a change's commit to its item in the neighbourhood feed (what a live reader waits).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
        _feedItems = meter.CreateCounter<long>("hub.feed.items", "{item}", "Items appended to the neighbourhood feeds on this node.");
        _mailSent = meter.CreateCounter<long>("hub.mail.sent", "{mail}", "Notice emails the mail server accepted, by kind (single, digest).");
        _mailFailed = meter.CreateCounter<long>("hub.mail.failed", "{mail}", "Notice emails that failed, by reason: retry (the server is away; tried again later) or rejected (the address was refused for good).");
        _mailWaiting = meter.CreateUpDownCounter<long>("hub.mail.waiting", "{person}", "People on this node whose email waits for the mail server to come back.");
        _swept = meter.CreateCounter<long>("hub.outbox.swept", "{initiative}", "Initiatives the delivery sweeper delivered because their outbox was left behind (after a crash or a failed delivery).");
        meter.CreateObservableGauge("hub.outbox.waiting", () => Known(Interlocked.Read(ref _outboxWaiting)), "{initiative}",
            "Initiatives with a committed change not yet delivered everywhere (the pending ledger, the whole cluster; read every 10 s).");
        meter.CreateObservableGauge<double>("hub.outbox.oldest", () => Interlocked.Read(ref _outboxWaiting) < 0 ? [] : [new Measurement<double>(Volatile.Read(ref _outboxOldestSeconds))], "s",
            "Age of the oldest undelivered change in the pending ledger (0 when none).");
        meter.CreateObservableGauge("hub.steps.overdue", () => Known(Interlocked.Read(ref _overdueSteps)), "{step}",
            "Open steps past their expected date, the whole municipality (from the neighbourhood indexes; read every minute).");
    }

    /// <summary>A feed item was stored <paramref name="lag"/> after its change committed.</summary>
    public void FeedItemStored(TimeSpan lag)
    {
        _feedItems.Add(1);
        _deliveryLag.Record(Math.Max(0, lag.TotalSeconds));
    }

    public void MailSent(string kind) => _mailSent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void MailFailed(string reason) => _mailFailed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>One more (or, with -1, one fewer) person whose mail waits for a retry.</summary>
    public void MailWaiting(int change) => _mailWaiting.Add(change);

    public void Swept(int initiatives) => _swept.Add(initiatives);

    /// <summary>What the pending ledger held at its last reading.</summary>
    public void OutboxRead(long waiting, TimeSpan oldest)
    {
        Volatile.Write(ref _outboxOldestSeconds, Math.Max(0, oldest.TotalSeconds));
        Interlocked.Exchange(ref _outboxWaiting, waiting);
    }

    public void OverdueRead(long steps)
    {
        Interlocked.Exchange(ref _overdueSteps, steps);
    }

    private static IEnumerable<Measurement<long>> Known(long value) =>
        value < 0 ? [] : [new Measurement<long>(value)];
}
