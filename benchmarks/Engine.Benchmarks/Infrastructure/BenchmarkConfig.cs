using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Engine.Benchmarks.Infrastructure;

/// <summary>The configuration every benchmark shares: memory diagnoser, ratio to the baseline, GitHub markdown.</summary>
public class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
        : this(median: false)
    {
    }

    protected BenchmarkConfig(bool median)
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(MarkdownExporter.GitHub);
        AddColumn(new ThroughputColumn());
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        HideColumns(median ? [Column.Error, Column.StdDev, Column.RatioSD, Column.AllocRatio] : [Column.Error, Column.StdDev, Column.Median, Column.RatioSD, Column.AllocRatio]);
    }
}

/// <summary>For benchmarks of a few long operations on a shared machine: the median shown beside the mean.</summary>
public sealed class MedianBenchmarkConfig : BenchmarkConfig
{
    public MedianBenchmarkConfig()
        : base(median: true)
    {
        AddColumn(StatisticColumn.Median);
    }
}

/// <summary>Implemented by benchmark classes that know how many UTF-16 bytes one operation processes.</summary>
public interface IHasPayload
{
    long BytesPerOperation { get; }
}

/// <summary>MB/s of UTF-16 text, from the mean time per operation and the class's payload.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => "Throughput";

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Megabytes of UTF-16 text processed per second (mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats || Activator.CreateInstance(benchmarkCase.Descriptor.Type) is not IHasPayload payload)
        {
            return "-";
        }

        if (benchmarkCase.Descriptor.Type.GetMethod("Setup") is { } setup)
        {
            setup.Invoke(payload, null);
        }

        double seconds = stats.Mean / 1e9;
        return (payload.BytesPerOperation / seconds / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
