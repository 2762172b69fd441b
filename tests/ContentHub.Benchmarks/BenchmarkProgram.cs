using BenchmarkDotNet.Running;

namespace ContentHub.Benchmarks;

/// <summary>Not <c>Program</c>: that name is the server's entry point, which the in-process host needs.</summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["--allocations", var workload, var requests])
        {
            await AllocationProfile.RunAsync(workload, int.Parse(requests, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
