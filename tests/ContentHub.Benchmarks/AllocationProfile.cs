using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace ContentHub.Benchmarks;

/// <summary>
/// Where a workload's allocations come from: runs it uncached in process (as <see cref="WorkloadBenchmarks"/> does)
/// while the runtime samples an allocation about every 100 KB with its stack (EventPipe, read back with TraceEvent,
/// both of which BenchmarkDotNet brings), then prints the bytes per request and the allocating stacks, largest first.
/// <c>dotnet run -c Release --project tests/ContentHub.Benchmarks -- --allocations list 2000</c>.
/// </summary>
public static class AllocationProfile
{
    private const int Shown = 30;
    private const int FramesShown = 4;

    public static async Task RunAsync(string workload, int requests)
    {
        var benchmarks = new WorkloadBenchmarks { ResponseCache = false };
        benchmarks.Setup();
        Func<Task<byte[]>> run = workload switch
        {
            "article" => benchmarks.ArticlePage,
            "list" => benchmarks.ListPage,
            "filtered" => benchmarks.FilteredListPage3,
            "search" => benchmarks.Search,
            _ => throw new ArgumentException($"No workload '{workload}': article, list, filtered or search."),
        };
        for (var warmUp = 0; warmUp < 300; warmUp++)
        {
            await run();
        }

        var trace = Path.Combine(Path.GetTempPath(), $"contenthub-allocations-{Guid.NewGuid():N}.nettrace");
        var gcSamples = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, keywords: 0x1);
        using var session = new DiagnosticsClient(Environment.ProcessId).StartEventPipeSession([gcSamples], requestRundown: true);
        var recording = Task.Run(async () =>
        {
            await using var file = File.Create(trace);
            await session.EventStream.CopyToAsync(file);
        });
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var request = 0; request < requests; request++)
        {
            await run();
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        await session.StopAsync(CancellationToken.None);
        await recording;
        benchmarks.Cleanup();

        Console.WriteLine($"{workload}: {allocated / requests / 1024.0:F1} KB allocated per request (client included), sampled stacks:");
        var bytesByStack = new Dictionary<string, long>();
        using (var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(trace)))
        {
            foreach (var traced in log.Events)
            {
                if (traced is not GCAllocationTickTraceData sample)
                {
                    continue;
                }

                var frames = new List<string>();
                for (var frame = sample.CallStack(); frame is not null && frames.Count < FramesShown; frame = frame.Caller)
                {
                    frames.Add(frame.CodeAddress.FullMethodName);
                }

                var stack = $"{sample.TypeName} <= {string.Join(" < ", frames)}";
                bytesByStack[stack] = bytesByStack.GetValueOrDefault(stack) + sample.AllocationAmount64;
            }
        }

        var sampled = bytesByStack.Values.Sum();
        foreach (var (stack, bytes) in bytesByStack.OrderByDescending(entry => entry.Value).Take(Shown))
        {
            Console.WriteLine($"{bytes * 100.0 / sampled,5:F1} %  {stack}");
        }

        File.Delete(trace);
        File.Delete(Path.ChangeExtension(trace, ".etlx"));
    }
}
