using GraphQL.DataLoader;

namespace ContentHub.Server.GraphQL;

/// <summary>Maps a loader's deferred result, so the engine still batches the load (GraphQL.DataLoader's <c>Then</c>, which is not obtainable here).</summary>
public static class DataLoaderResults
{
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) => new Mapped<T, TResult>(result, map);

    /// <summary>A value already known, where a loader's result is expected.</summary>
    public static IDataLoaderResult<T> Known<T>(T value) => new Ready<T>(value);

    /// <summary>Two loaders' deferred results mapped together: both keys are queued now, so each loader still batches.</summary>
    public static IDataLoaderResult<TResult> With<T1, T2, TResult>(this IDataLoaderResult<T1> first, IDataLoaderResult<T2> second, Func<T1, T2, TResult> map) =>
        new Combined<T1, T2, TResult>(first, second, map);

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class Ready<T>(T value) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }

    private sealed class Combined<T1, T2, TResult>(IDataLoaderResult<T1> first, IDataLoaderResult<T2> second, Func<T1, T2, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await first.GetResultAsync(cancellationToken), await second.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
