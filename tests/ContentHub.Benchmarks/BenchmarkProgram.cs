using BenchmarkDotNet.Running;

namespace ContentHub.Benchmarks;

/// <summary>Not <c>Program</c>: that name is the server's entry point, which the in-process host needs.</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
